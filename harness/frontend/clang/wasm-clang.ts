import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportAlive } from '../../core/util/work-progress';
import { commonArgs, renameMainFile, type ClangInvocation, type ClangRun, type ClangTool } from './clang-tool';

// The WebAssembly clang sees only a virtual tree. Host files are mounted under this folder (the
// package's own resources occupy /usr), and the prefix is removed again from everything clang prints.
const HOST_ROOT = 'uapi-host';
const PROBE = 'uapi-probe.c';
/** Where the package's file tree keeps clang's freestanding headers (`clang -print-resource-dir` says /usr). */
const RESOURCE_INCLUDE = '/usr/include';

type Tree = { [name: string]: Tree | string | Uint8Array };
interface YowaspClang {
  runClang(args: string[] | null, files?: Tree, options?: {
    stdout?: ((b: Uint8Array | null) => void) | null;
    stderr?: ((b: Uint8Array | null) => void) | null;
    fetchProgress?: () => void;
  }): Promise<Tree | undefined> | Tree | undefined;
  readonly version: string;
}

let loaded: Promise<YowaspClang | undefined> | undefined;

/**
 * Loads `@yowasp/clang` (an ES module, hence a real dynamic import) and fetches its resources once,
 * quietly. Undefined when the package is not installed.
 */
export function loadYowaspClang(): Promise<YowaspClang | undefined> {
  loaded ??= (async () => {
    let mod: YowaspClang;
    try {
      mod = (await import('@yowasp/clang')) as unknown as YowaspClang;
    } catch {
      return undefined;
    }
    await mod.runClang(null, {}, { fetchProgress: () => undefined });
    return mod;
  })();
  return loaded;
}

function mount(tree: Tree, file: string, content: Uint8Array): void {
  const parts = path.resolve(file).split(path.sep).filter((p) => p !== '');
  let dir = tree;
  for (const p of parts.slice(0, -1)) {
    const next = dir[p];
    if (next === undefined || typeof next === 'string' || next instanceof Uint8Array) {
      const made: Tree = {};
      dir[p] = made;
      dir = made;
    } else {
      dir = next;
    }
  }
  dir[parts[parts.length - 1] as string] = content;
}

/** clang compiled to WebAssembly (the `@yowasp/clang` package): slower, but needs nothing installed. */
/**
 * clang's output as the WebAssembly runtime hands it over: millions of calls of a byte or a few for one
 * AST dump. Each chunk is copied into one growing buffer (the runtime reuses its chunk's memory, so it
 * must be copied), instead of one small array per call joined at the end.
 */
class ByteSink {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;

  append(b: Uint8Array): void {
    if (this.len + b.length > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + b.length));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    if (b.length === 1) this.buf[this.len] = b[0] as number;
    else this.buf.set(b, this.len);
    this.len += b.length;
  }

  text(): string {
    return this.buf.toString('utf8', 0, this.len);
  }
}

/**
 * Runs `work` with `process.env` replaced by a plain copy of it. The WebAssembly runtime checks
 * `process.env.JCO_DEBUG` several times on every call between clang and JavaScript, and clang writes
 * its AST dump a byte per call: millions of reads of Node's environment object, each a lookup in the
 * C++ environment (a third of a cold import's time). A plain object answers the same in nanoseconds.
 * Runs may overlap (batched imports, `check-tree -j`): the first one in swaps the copy in and the last
 * one out puts the real object back. The code running meanwhile only reads the environment.
 */
let realEnv: NodeJS.ProcessEnv | undefined;
let runsInFlight = 0;

async function withPlainEnv<T>(work: () => T | Promise<T>): Promise<T> {
  if (runsInFlight++ === 0) {
    realEnv = process.env;
    process.env = { ...realEnv };
  }
  try {
    return await work();
  } finally {
    if (--runsInFlight === 0 && realEnv !== undefined) {
      process.env = realEnv;
      realEnv = undefined;
    }
  }
}

export class WasmClang implements ClangTool {
  readonly kind = 'wasm' as const;
  readonly description: string;
  readonly identity: string;
  private readonly mod: YowaspClang;

  constructor(mod: YowaspClang) {
    this.mod = mod;
    this.description = `clang ${mod.version} (WebAssembly, @yowasp/clang)`;
    this.identity = `wasm @yowasp/clang ${mod.version}`;
  }

  async run(inv: ClangInvocation): Promise<ClangRun> {
    const hostTree: Tree = {};
    for (const f of inv.hostFiles) {
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(f);
      } catch {
        continue; // a listed file that vanished is reported by clang as not found
      }
      mount(hostTree, f, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    // Absolute #include lines of the probe point at host files, which live under HOST_ROOT here.
    const source = inv.source.replace(/^([ \t]*#[ \t]*include[ \t]*")\//gm, `$1/${HOST_ROOT}/`);
    const files: Tree = { [HOST_ROOT]: hostTree, [PROBE]: source };
    const dirs = inv.includeDirs.map((d) => `/${HOST_ROOT}${path.resolve(d)}`);
    const out = new ByteSink();
    const err = new ByteSink();
    // clang computes on this thread: its output (often a byte per call) is the only sign of life a
    // progress line can see; every 4096th call tells it.
    let calls = 0;
    const collect = (into: ByteSink) => (b: Uint8Array | null): void => {
      if ((++calls & 4095) === 0) reportAlive();
      if (b !== null) into.append(b);
    };
    let exitCode = 0;
    try {
      // The package's resource headers (stddef.h...) are its /usr/include: searched after every other
      // folder, where native clang's are put (see ClangTool.resourceIncludeDir).
      const args = ['clang', ...commonArgs(inv, dirs), '-isystem', RESOURCE_INCLUDE, `/${PROBE}`];
      await withPlainEnv(() => this.mod.runClang(args, files, { stdout: collect(out), stderr: collect(err) }));
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code !== 'number') throw e;
      exitCode = code;
    }
    const unmount = (bytes: ByteSink): string =>
      renameMainFile(bytes.text(), `/${PROBE}`).split(`/${HOST_ROOT}/`).join('/');
    return { exitCode, stdout: unmount(out), stderr: unmount(err) };
  }
}
