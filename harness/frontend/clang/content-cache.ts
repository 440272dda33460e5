import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';

/**
 * Results derived from clang runs, stored under `node_modules/.cache/uapi-harness/` and keyed by a
 * hash of everything the result depends on (the compiled text, every file it could include, the
 * options), so a second run on unchanged input skips clang. `UAPI_HARNESS_CACHE=off` disables it;
 * `UAPI_HARNESS_CACHE_DIR` moves it.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['UAPI_HARNESS_CACHE_DIR'];
  if (configured !== undefined && configured !== '') return path.resolve(configured);
  const local = path.join(process.cwd(), 'node_modules');
  const base = fs.existsSync(local) ? local : ownNodeModules(path.resolve(__dirname, '..', '..', '..', '..'));
  return path.join(base, '.cache', 'uapi-harness');
}

/**
 * The node_modules a cache beside the harness belongs in. Installed as a package, the harness lives in
 * the user's `node_modules/uapi-harness/`: the cache goes in that node_modules (the user's project),
 * never inside the installed package. A development checkout keeps it in its own node_modules.
 */
export function ownNodeModules(packageRoot: string): string {
  const parent = path.dirname(packageRoot);
  return path.basename(parent) === 'node_modules' ? parent : path.join(packageRoot, 'node_modules');
}

export function cacheEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['UAPI_HARNESS_CACHE'] !== 'off';
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

const fileHashes = new Map<string, { mtimeMs: number; size: number; hash: string }>();

/** Hash of a file's bytes, remembered per (path, mtime, size) for the life of the process. */
export function fileDigest(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return 'missing';
  }
  const known = fileHashes.get(file);
  if (known !== undefined && known.mtimeMs === st.mtimeMs && known.size === st.size) return known.hash;
  const hash = sha256(fs.readFileSync(file));
  fileHashes.set(file, { mtimeMs: st.mtimeMs, size: st.size, hash });
  return hash;
}

function entryPath(namespace: string, key: string): string {
  return path.join(cacheRoot(), namespace, key.slice(0, 2), `${key.slice(2)}.v8`);
}

// Entries are stored in V8's serialization format (what structured clone uses): it keeps bigints
// (constants, enumerators) and reads back several times faster than JSON with a reviver, which was a
// visible part of a cached import. A file that does not deserialize is a miss.

export function readCached<T>(namespace: string, key: string): T | undefined {
  if (!cacheEnabled()) return undefined;
  try {
    return v8.deserialize(fs.readFileSync(entryPath(namespace, key))) as T;
  } catch {
    return undefined;
  }
}

/** Stores a value; written to a temporary name and renamed, so concurrent readers see whole files. */
export function writeCached(namespace: string, key: string, value: unknown): void {
  if (!cacheEnabled()) return;
  const file = entryPath(namespace, key);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    fs.writeFileSync(tmp, v8.serialize(value));
    fs.renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs time.
  }
}

let ownCode: string | undefined;

/**
 * Hash of the harness code that turns clang output into results (this folder and its siblings
 * import, oracle, emit), part of every cache key: a changed harness never reuses stale results.
 */
export function harnessCodeDigest(): string {
  if (ownCode !== undefined) return ownCode;
  const h = createHash('sha256');
  for (const dir of ['frontend/clang', 'frontend/import', 'frontend/oracle', 'frontend/emit', 'core/layout', 'core/model']) {
    const abs = path.resolve(__dirname, '..', '..', dir);
    let names: string[] = [];
    try {
      names = fs.readdirSync(abs).filter((n) => /\.[cm]?[jt]s$/.test(n) && !n.includes('.test.')).sort();
    } catch {
      continue;
    }
    for (const n of names) h.update(`${dir}/${n}\0`).update(fs.readFileSync(path.join(abs, n)));
  }
  ownCode = h.digest('hex');
  return ownCode;
}
