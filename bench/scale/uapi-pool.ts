import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import type { HeaderOutcome } from './header-outcome';
import type { TreePair } from './header-trees';
import type { WorkerReply, WorkerRequest } from './uapi-worker';

export interface PoolOptions {
  /** Worker processes (one per core, as check-uapi.sh's `-j` defaults to nproc). */
  readonly jobs: number;
  /** Headers handed to a worker at a time. */
  readonly chunk: number;
  /** The import cache the workers use (an empty folder for a cold run). */
  readonly cacheDir: string;
}

const WORKER = path.join(__dirname, 'uapi-worker.js');

function ask(worker: ChildProcess, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: WorkerReply): void => {
      worker.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null): void => {
      worker.off('message', onMessage);
      reject(new Error(`bench worker exited with ${code ?? 'a signal'}`));
    };
    worker.once('message', onMessage);
    worker.once('exit', onExit);
    worker.send(request);
  });
}

/**
 * Checks every header with `uapi`'s library in `jobs` worker processes that take chunks of headers
 * from one queue. Worker start-up (Node and the harness's modules) is part of the time it takes.
 */
export async function runUapiOnTree(pair: TreePair, headers: readonly string[], options: PoolOptions): Promise<HeaderOutcome[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < headers.length; i += options.chunk) chunks.push(headers.slice(i, i + options.chunk));
  const results: HeaderOutcome[][] = new Array<HeaderOutcome[]>(chunks.length);
  const env = { ...process.env, UAPI_HARNESS_CACHE_DIR: options.cacheDir };
  const workers = Array.from({ length: Math.max(1, Math.min(options.jobs, chunks.length)) }, () => fork(WORKER, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  let next = 0;
  try {
    await Promise.all(workers.map(async (w) => {
      while (next < chunks.length) {
        const i = next++;
        results[i] = [...(await ask(w, { pair, headers: chunks[i] as string[] })).outcomes];
      }
    }));
  } finally {
    // Wait for every worker to end, so that its CPU time (and its clang's) is accounted to this process.
    await Promise.all(workers.map((w) => new Promise<void>((resolve) => {
      if (w.exitCode !== null || w.signalCode !== null) resolve();
      else {
        w.once('exit', () => resolve());
        w.disconnect();
      }
    })));
  }
  return results.flat();
}
