import * as path from 'node:path';
import type { SourceLoc } from '../model';

// Frames of the DSL itself are skipped, whether they show the compiled file or (through source maps)
// the TypeScript source: the location a user wants is the line of their spec file that called it.
const DSL_DIR = `${path.sep}harness${path.sep}core${path.sep}model${path.sep}dsl${path.sep}`;

const FRAME = /\(?((?:[A-Za-z]:)?[^():]+):(\d+):(\d+)\)?$/;

/** The spec-file location of the DSL call that is running, or undefined when none is found. */
export function callSite(): SourceLoc | undefined {
  return userFrame(new Error().stack);
}

/**
 * The first frame of a stack that is in a user's file: not the DSL's, not Node's, not a package's.
 * For an exception thrown while a spec module loads, that is the line a person must look at.
 */
export function userFrame(stack: string | undefined): SourceLoc | undefined {
  if (stack === undefined) return undefined;
  for (const line of stack.split('\n').slice(1)) {
    // Only frames: a message may span lines, and one of them may end like a location.
    if (!line.trim().startsWith('at ')) continue;
    const m = FRAME.exec(line.trim());
    if (m === null) continue;
    const file = m[1] ?? '';
    if (file.includes(DSL_DIR) || file.startsWith('node:') || file.includes('node_modules')) continue;
    return { file: path.relative(process.cwd(), file) || file, line: Number(m[2]), col: Number(m[3]) };
  }
  return undefined;
}
