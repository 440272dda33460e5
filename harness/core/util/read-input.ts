import * as fs from 'node:fs';

/**
 * Reads a file a user named, as text. Only a regular file is read: a FIFO or a device would block
 * forever (or never end) and a folder has no text, so each is refused with what it is instead.
 * The problem comes back as a sentence; callers wrap it into their own located issue.
 */
export function readInputText(file: string): { text?: string; problem?: string } {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}` };
  }
  if (!st.isFile()) return { problem: `not a regular file (${kindOf(st)}): give a file to read` };
  try {
    return { text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { problem: `cannot read: ${(e as Error).message}` };
  }
}

/** What a non-regular file is, in words. */
export function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}
