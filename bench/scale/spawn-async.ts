import { spawn } from 'node:child_process';

export interface ProgramRun {
  /** Exit status, or null when a signal ended the program. */
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program could not be started at all. */
  readonly error?: string;
}

/** Runs a program without blocking the event loop, feeding `input` on stdin and collecting both streams. */
export function spawnAsync(program: string, args: readonly string[], input = ''): Promise<ProgramRun> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let startError: string | undefined;
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => { startError = e.message; });
    child.on('close', (status, signal) => {
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(startError !== undefined ? { error: startError } : {}),
      });
    });
    child.stdin.on('error', () => { /* the program may exit before reading its input; its status tells */ });
    child.stdin.end(input);
  });
}

/** Runs `work` on every item with at most `jobs` running at once; results in the items' order. */
export async function mapConcurrent<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane));
  return results;
}
