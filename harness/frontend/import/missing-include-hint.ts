import * as fs from 'node:fs';
import * as path from 'node:path';

const NOT_FOUND = /^'([^']+)' file not found$/;

/**
 * What to pass when a header's include is not found although a folder one level below a search
 * folder has it: a uAPI header includes its subsystem's headers by bare name ("drm.h" from
 * include/uapi/drm/), which works in the kernel tree and stops working once the header is copied
 * into a project. The answer names the file found and the `-I` that makes it visible; undefined when
 * the message is not a missing include or nothing is found.
 */
export function missingIncludeHint(message: string, searchDirs: readonly string[]): string | undefined {
  const m = NOT_FOUND.exec(message);
  if (m === null) return undefined;
  const name = m[1] as string;
  for (const dir of searchDirs) {
    let subs: fs.Dirent[];
    try {
      subs = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const s of subs) {
      if (!s.isDirectory()) continue;
      const found = path.join(dir, s.name, name);
      if (fs.existsSync(found)) return `${path.join(dir, s.name, name)} exists: add -I ${path.join(dir, s.name)} (uAPI headers include their subsystem's headers by bare name, from their own folder of the kernel tree)`;
    }
  }
  return undefined;
}
