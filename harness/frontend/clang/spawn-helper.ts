import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** Parent → helper: run `program args`, standard input from a file (or none), standard output to a file. */
export interface HelperRequest {
  readonly id: number;
  readonly program: string;
  readonly args: readonly string[];
  readonly stdinFile?: string;
  readonly stdoutFile: string;
}

/** Helper → parent: how it ended, and its standard error. */
export interface HelperReply {
  readonly id: number;
  readonly exitCode: number;
  readonly stderr: string;
}

function run(request: HelperRequest): Promise<HelperReply> {
  return new Promise((resolve) => {
    const input = request.stdinFile !== undefined ? fs.openSync(request.stdinFile, 'r') : 'ignore';
    const output = fs.openSync(request.stdoutFile, 'w');
    const child = spawn(request.program, request.args, { stdio: [input, output, 'pipe'] });
    if (typeof input === 'number') fs.closeSync(input);
    fs.closeSync(output);
    const err: Buffer[] = [];
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ id: request.id, exitCode: 127, stderr: `cannot run ${request.program}: ${e.message}` }));
    child.on('close', (code) => resolve({ id: request.id, exitCode: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
  });
}

// The helper process (see spawner.ts): a small Node process that starts the programs a large one asks
// for, until its parent disconnects; then it ends once its own children have.
if (require.main === module && process.send !== undefined) {
  process.on('message', (m: HelperRequest) => {
    void run(m).then((reply) => process.send?.(reply));
  });
}
