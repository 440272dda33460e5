import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { HelperReply, HelperRequest } from './spawn-helper';

// Starting a program from Node forks the whole process first: the kernel copies its page tables, which
// takes time in proportion to its memory. A whole-tree import holds hundreds of megabytes (ASTs,
// specs) and starts a clang process for every batch of probes, so past a size each start cost the
// importer about as much CPU as a small clang run. A process that large hands the starts to a small
// helper process (spawn-helper.ts), started once; the outputs travel through files as they already do
// for batched runs. What runs, and what it prints, is the same either way. A process opts in with
// enableSpawnHelper() (the scale benchmark's workers do): it must then stop the helper before it
// exits for the helper's CPU time to count as its own (stopSpawnHelper).

/** Above this resident size, programs are started through the helper (a fork of 100 MB costs ~1.5 ms). */
const HELPER_ABOVE_BYTES = 100 * 1024 * 1024;

const HELPER = path.join(__dirname, 'spawn-helper.js');

let enabled = false;
let aboveBytes = HELPER_ABOVE_BYTES;
let helper: ChildProcess | undefined;
let helperBroken = false;
let nextId = 0;
const waiting = new Map<number, (r: HelperReply) => void>();

function setRef(child: ChildProcess, on: boolean): void {
  const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
  if (on) {
    child.ref();
    channel?.ref();
  } else {
    child.unref();
    channel?.unref();
  }
}

function startHelper(): ChildProcess | undefined {
  if (helper !== undefined || helperBroken || !fs.existsSync(HELPER)) return helper;
  const child = fork(HELPER, [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [] });
  child.on('message', (m: HelperReply) => {
    const done = waiting.get(m.id);
    waiting.delete(m.id);
    if (waiting.size === 0) setRef(child, false);
    done?.(m);
  });
  child.on('exit', () => {
    // A helper that is gone answers nothing more: what it still owed is reported as not run.
    helper = undefined;
    helperBroken = true;
    for (const [id, done] of waiting) done({ id, exitCode: 127, stderr: 'the process that starts programs ended' });
    waiting.clear();
  });
  setRef(child, false);
  helper = child;
  return child;
}

/** Lets this process start programs through the helper once its resident size is above `above` bytes. */
export function enableSpawnHelper(above: number = HELPER_ABOVE_BYTES): void {
  enabled = true;
  aboveBytes = above;
}

/** Whether programs are started through the helper now: enabled, and this process is large enough that it is cheaper. */
export function throughHelper(): boolean {
  return enabled && !helperBroken && process.memoryUsage.rss() > aboveBytes;
}

/**
 * Runs `program args` with standard input `input` (none when undefined) and standard output written to
 * `stdoutFile`; resolves to its exit code and standard error.
 */
export function runToFile(program: string, args: readonly string[], input: string | undefined, stdoutFile: string): Promise<{ exitCode: number; stderr: string }> {
  const child = throughHelper() ? startHelper() : undefined;
  if (child === undefined) return runDirect(program, args, input, stdoutFile);
  let stdinFile: string | undefined;
  if (input !== undefined) {
    stdinFile = `${stdoutFile}.in`;
    fs.writeFileSync(stdinFile, input);
  }
  const request: HelperRequest = { id: nextId++, program, args, stdoutFile, ...(stdinFile !== undefined ? { stdinFile } : {}) };
  return new Promise((resolve) => {
    waiting.set(request.id, (r) => {
      if (stdinFile !== undefined) fs.rmSync(stdinFile, { force: true });
      resolve({ exitCode: r.exitCode, stderr: r.stderr });
    });
    setRef(child, true);
    child.send(request);
  });
}

function runDirect(program: string, args: readonly string[], input: string | undefined, stdoutFile: string): Promise<{ exitCode: number; stderr: string }> {
  return new Promise((resolve) => {
    const fd = fs.openSync(stdoutFile, 'w');
    const child = spawn(program, args, { stdio: [input !== undefined ? 'pipe' : 'ignore', fd, 'pipe'] });
    fs.closeSync(fd);
    const err: Buffer[] = [];
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ exitCode: 127, stderr: `cannot run ${program}: ${e.message}` }));
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) {
      child.stdin?.on('error', () => { /* the process may exit before reading everything; its exit code tells */ });
      child.stdin?.end(input);
    }
  });
}

/** A fresh temporary folder for one run's files. */
export function runFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-clang-run-'));
}

/**
 * Ends the helper, if one was started, once what it runs has ended, and waits for it: a process
 * whose CPU time is measured (the scale benchmark's workers) calls this before it exits, so that the
 * helper's and its programs' time are counted with its own.
 */
export function stopSpawnHelper(): Promise<void> {
  const child = helper;
  if (child === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    setRef(child, true);
    child.disconnect();
  });
}
