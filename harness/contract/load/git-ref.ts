import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';

/** `REF:path` (a git revision and a path in it), as `git show` takes it. Windows drive letters are not refs. */
export function parseGitRef(arg: string): { ref: string; path: string } | undefined {
  const m = /^([^:]{2,}):(.+)$/.exec(arg);
  if (m === null) return undefined;
  return { ref: m[1] as string, path: m[2] as string };
}

function git(args: readonly string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function stderrOf(e: unknown): string {
  const s = (e as { stderr?: Buffer }).stderr;
  return s !== undefined ? s.toString().trim() : String(e);
}

/**
 * Copies `path` as it is at `ref` (a file, or a folder with everything below it) into a fresh
 * temporary folder and returns the copy's path. Paths are relative to the repository's top level,
 * as in `git show`; `./x` is relative to the current directory.
 */
export function materializeGitRef(ref: string, p: string, cwd = process.cwd()): { path?: string; issues: Issue[] } {
  const where = `${ref}:${p}`;
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
  } catch (e) {
    return { issues: [issue('GIT_REF', where, `not inside a git repository: ${stderrOf(e)}`)] };
  }
  const rel = p.startsWith('./') || p.startsWith('../') ? path.relative(top, path.resolve(cwd, p)) : p;
  const spec = `${ref}:${rel.split(path.sep).join('/')}`;
  let kind: string;
  try {
    kind = git(['cat-file', '-t', spec], top).toString().trim();
  } catch (e) {
    return { issues: [issue('GIT_REF', where, `cannot read ${spec} from git: ${stderrOf(e)}`)] };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-ref-'));
  const dest = path.join(dir, rel);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  if (kind === 'blob') {
    fs.writeFileSync(dest, git(['show', spec], top));
    return { path: dest, issues: [] };
  }
  const tar = git(['archive', '--format=tar', ref, '--', rel], top);
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return { path: dest, issues: [] };
}
