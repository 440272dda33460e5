import * as fs from 'node:fs';
import * as path from 'node:path';

/** The spec folders of a project: every `specs/<name>/` holding a spec entry file. */
export function discoverSpecFolders(projectRoot: string): string[] {
  const specsDir = path.join(projectRoot, 'specs');
  if (!fs.existsSync(specsDir)) return [];
  return fs.readdirSync(specsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join('specs', d.name))
    .filter((rel) => ['spec.ts', 'spec.js', 'spec.json'].some((f) => fs.existsSync(path.join(projectRoot, rel, f))))
    .sort();
}
