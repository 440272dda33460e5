import { commonArgs, renameMainFile, type ClangInvocation, type ClangRun, type ClangTool } from './clang-tool';
import { runBatched } from './native-batch';
import { BytesRun } from './bytes-run';
import { runProgram, runProgramForBytes } from './run-program';

export { runProgram };

/** Runs a clang binary; the main file is fed on standard input. */
export class NativeClang implements ClangTool {
  readonly kind = 'native' as const;
  readonly description: string;
  private readonly program: string;

  constructor(program: string, version: string) {
    this.program = program;
    this.description = `clang ${version} (${program})`;
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
