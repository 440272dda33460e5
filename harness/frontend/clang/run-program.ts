import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ClangRun } from './clang-tool';
import { runFolder, runToFile, throughHelper } from './spawner';

/** A run through the spawn helper (spawner.ts), its output passed through a file. */
async function runThroughFiles(program: string, args: readonly string[], input: string): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const dir = runFolder();
  try {
    const out = path.join(dir, 'stdout');
    const r = await runToFile(program, args, input, out);
    return { exitCode: r.exitCode, stdout: fs.readFileSync(out), stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Spawns `program args`, writes `input` to its stdin and collects both output streams, standard output
 * kept as bytes (large AST dumps are decoded only in part).
 */
export function runProgramForBytes(program: string, args: readonly string[], input: string): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  if (throughHelper()) return runThroughFiles(program, args, input);
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ exitCode: 127, stdout: Buffer.alloc(0), stderr: `cannot run ${program}: ${e.message}` }));
    child.on('close', (code) => {
      resolve({ exitCode: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => { /* the process may exit before reading everything; its exit code tells */ });
    child.stdin.end(input);
  });
}

/** {@link runProgramForBytes} with standard output decoded as UTF-8. */
export function runProgram(program: string, args: readonly string[], input: string): Promise<ClangRun> {
  return runProgramForBytes(program, args, input).then((r) => ({ exitCode: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr }));
}
