import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spec as habanalabs } from '../../../specs/habanalabs/spec';
import { toCanonical } from '../../core/model/canonical';
import { toJson } from '../../core/util/json';
import { runCliCaptured } from '../run-cli-captured';

/** The corpus folder in the source tree (tests run from dist/harness/testing/malformed-inputs). */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'harness', 'testing', 'malformed-inputs');
const REPO = path.resolve(CORPUS_DIR, '..', '..', '..');

export type Damage =
  | { readonly delete: string }
  | { readonly edit: string; readonly find: string; readonly replace: string }
  | { readonly write: string; readonly text: string }
  | { readonly 'file-for-folder': string }
  | { readonly fifo: string }
  | { readonly 'json-remove': string; readonly at: readonly (string | number)[] }
  | { readonly move: string; readonly to: string }
  | { readonly lock: 'dead' | 'alive' };

export interface CorpusCase {
  readonly name: string;
  readonly about: string;
  readonly base: 'empty' | 'demo' | 'habanalabs' | 'habanalabs-release';
  readonly files?: Readonly<Record<string, string | readonly string[]>>;
  readonly damage?: readonly Damage[];
  readonly run: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly exit: number;
  readonly located?: boolean;
  readonly expect: readonly string[];
  readonly cleaned?: readonly string[];
}

/** Every case of one corpus file (`specs.json`, ...). */
export function corpusCases(file: string): CorpusCase[] {
  return JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8')) as CorpusCase[];
}

/** The demo uAPI: version 1.0.0 has flags DEMO_A and DEMO_B; 1.1.0 adds DEMO_C (compatible). */
export const demoSpec = (version: string, extra: string): string => `import { defineSpec, flags, ioctl, struct, u32, u64 } from 'uapi-harness';
const args = struct('demo_args', { handle: u64, size: u32, flags: u32.flags('demo_flags') });
export const spec = defineSpec({ name: 'demo', version: '${version}',
  ioctls: [ioctl('DEMO_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: args, sizeExtensible: true })],
  constants: [flags('demo_flags', { DEMO_A: 1, DEMO_B: 2${extra} })] });
`;

const temp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * The base projects, built once per test file through the CLI itself: `demo` has release 1.0.0
 * (frozen, sealed) and the goldens of its working version 1.1.0.
 */
export async function buildBases(): Promise<Record<CorpusCase['base'], string>> {
  const empty = temp('uapi-corpus-empty-');
  const demo = temp('uapi-corpus-demo-');
  const write = (root: string, rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const run = async (...argv: string[]): Promise<void> => {
    const r = await runCliCaptured(argv, { cwd: demo });
    if (r.code !== 0) throw new Error(`building the demo project: uapi ${argv.join(' ')} exited ${r.code}: ${r.err}`);
  };
  write(demo, 'specs/demo/spec.ts', demoSpec('1.0.0', ''));
  await run('snapshot', '--update');
  await run('release');
  write(demo, 'specs/demo/spec.ts', demoSpec('1.1.0', ', DEMO_C: 4'));
  await run('snapshot', '--update');
  const hl = temp('uapi-corpus-hl-');
  write(hl, 'specs/habanalabs/spec.json', toJson(toCanonical(habanalabs)) + '\n');
  const hlRelease = temp('uapi-corpus-hl-release-');
  fs.cpSync(hl, hlRelease, { recursive: true });
  fs.cpSync(path.join(REPO, 'snapshots', 'habanalabs', '1.0.0'), path.join(hlRelease, 'snapshots', 'habanalabs', '1.0.0'), { recursive: true });
  return { empty, demo, habanalabs: hl, 'habanalabs-release': hlRelease };
}

/** A pid no process has any more: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return r.pid as number;
}

function applyDamage(root: string, d: Damage): void {
  const at = (p: string): string => path.join(root, p);
  if ('delete' in d) fs.rmSync(at(d.delete), { recursive: true });
  else if ('edit' in d) {
    const text = fs.readFileSync(at(d.edit), 'utf8');
    if (!text.includes(d.find)) throw new Error(`corpus: ${d.edit} does not contain ${d.find}`);
    fs.writeFileSync(at(d.edit), text.replace(d.find, d.replace));
  } else if ('write' in d) {
    fs.mkdirSync(path.dirname(at(d.write)), { recursive: true });
    fs.writeFileSync(at(d.write), d.text);
  } else if ('file-for-folder' in d) {
    fs.rmSync(at(d['file-for-folder']), { recursive: true });
    fs.writeFileSync(at(d['file-for-folder']), 'not a folder\n');
  } else if ('fifo' in d) execFileSync('mkfifo', [at(d.fifo)]);
  else if ('json-remove' in d) {
    const file = at(d['json-remove']);
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    const parent = d.at.slice(0, -1).reduce((o: unknown, k) => (o as Record<string | number, unknown>)[k], json) as unknown[];
    parent.splice(d.at[d.at.length - 1] as number, 1);
    fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  } else if ('move' in d) fs.renameSync(at(d.move), at(d.to));
  else {
    const pid = d.lock === 'alive' ? process.pid : deadPid();
    fs.mkdirSync(path.join(root, 'snapshots', 'demo'), { recursive: true });
    fs.writeFileSync(path.join(root, 'snapshots', 'demo', '.release.lock'), JSON.stringify({ pid, host: os.hostname(), command: 'uapi release demo 1.1.0', since: '2025-01-01T00:00:00.000Z' }) + '\n');
  }
}

/** A fresh copy of a base project with a case's files and damage applied. */
export function caseProject(bases: Record<CorpusCase['base'], string>, c: CorpusCase): string {
  const root = temp(`uapi-corpus-${c.name}-`);
  fs.cpSync(bases[c.base], root, { recursive: true });
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof content === 'string' ? content : `${content.join('\n')}\n`);
  }
  for (const d of c.damage ?? []) applyDamage(root, d);
  return root;
}

/**
 * Every file and folder under `root` (except the reports a command may write) with the SHA-256 of
 * its bytes: what "nothing committed changed" compares. FIFOs are listed, never opened.
 */
export function treeState(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (rel === 'reports') continue;
      if (e.isDirectory()) { out.set(rel + path.sep, 'folder'); walk(p); }
      else if (e.isFile()) out.set(rel, createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
      else out.set(rel, 'special');
    }
  };
  walk(root);
  return out;
}
