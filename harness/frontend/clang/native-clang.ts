import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commonArgs, renameMainFile, type ClangInvocation, type ClangRun, type ClangTool } from './clang-tool';
import { runBatched } from './native-batch';
import { BytesRun } from './bytes-run';
import { runProgram, runProgramForBytes } from './run-program';

export { runProgram };

const hasStddef = (dir: string): boolean => fs.existsSync(path.join(dir, 'stddef.h'));

/**
 * The include folder of clang's resource directory (its own stddef.h, stdarg.h, stdint.h...), which
 * `-nostdinc` leaves out. A clang installation keeps it at `<bin>/../lib/clang/<version>/include`;
 * when that holds exactly one version it is taken without starting clang, else clang is asked
 * (`-print-resource-dir`). Undefined when neither finds one.
 */
export function resourceIncludeDir(program: string, realBinary: string): string | undefined {
  const root = path.join(path.dirname(realBinary), '..', 'lib', 'clang');
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(root).filter((v) => hasStddef(path.join(root, v, 'include')));
  } catch {
    versions = [];
  }
  if (versions.length === 1) return path.resolve(root, versions[0] as string, 'include');
  const r = spawnSync(program, ['-print-resource-dir'], { encoding: 'utf8' });
  const dir = r.status === 0 ? path.join(r.stdout.trim(), 'include') : undefined;
  return dir !== undefined && hasStddef(dir) ? path.resolve(dir) : undefined;
}

/** Runs a clang binary; the main file is fed on standard input. */
export class NativeClang implements ClangTool {
  readonly kind = 'native' as const;
  readonly identity: string;
  readonly resourceIncludeDir: string | undefined;
  private readonly program: string;
  private version: string | undefined;

  /**
   * `program` as the user or PATH names it, `realBinary` where it leads; `version` when already
   * known (otherwise read when {@link description} is first asked for).
   */
  constructor(program: string, realBinary: string, version?: string) {
    this.program = program;
    this.version = version;
    // The binary's bytes decide clang's output; its path, size and time stand for them cheaply.
    const st = fs.statSync(realBinary);
    this.identity = `native ${realBinary} ${st.size} ${st.mtimeMs}`;
    this.resourceIncludeDir = resourceIncludeDir(program, realBinary);
  }

  /** For messages and reports, e.g. `clang 14.0.6 (clang)`. */
  get description(): string {
    if (this.version === undefined) {
      const r = spawnSync(this.program, ['--version'], { encoding: 'utf8' });
      this.version = /clang version (\S+)/.exec(r.stdout ?? '')?.[1] ?? 'unknown version';
    }
    return `clang ${this.version} (${this.program})`;
  }

  async run(inv: ClangInvocation): Promise<ClangRun> {
    const r = await runProgramForBytes(this.program, [...commonArgs(inv, inv.includeDirs), '-x', 'c', '-'], inv.source);
    // The main file is read from stdin, which clang calls <stdin>.
    return new BytesRun(r.exitCode, renameMainFile(r.stderr, '<stdin>'), r.stdout, '<stdin>');
  }

  /** Invocations that differ only in their source share `clang -cc1` processes (see native-batch.ts). */
  runMany(invocations: readonly ClangInvocation[]): Promise<ClangRun[]> {
    return runBatched(this.program, invocations, (inv) => this.run(inv));
  }
}
