import { spawn } from 'node:child_process';
import { commonArgs, renameMainFile, type ClangInvocation, type ClangRun, type ClangTool } from './clang-tool';

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
    const r = await runProgram(this.program, [...commonArgs(inv, inv.includeDirs), '-x', 'c', '-'], inv.source);
    // The main file is read from stdin, which clang calls <stdin>.
    return { exitCode: r.exitCode, stdout: renameMainFile(r.stdout, '<stdin>'), stderr: renameMainFile(r.stderr, '<stdin>') };
  }
}

/** Spawns `program args`, writes `input` to its stdin and collects both output streams. */
export function runProgram(program: string, args: readonly string[], input: string): Promise<ClangRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ exitCode: 127, stdout: '', stderr: `cannot run ${program}: ${e.message}` }));
    child.on('close', (code) => {
      resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => { /* the process may exit before reading everything; its exit code tells */ });
    child.stdin.end(input);
  });
}
