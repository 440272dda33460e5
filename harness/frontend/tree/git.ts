import { spawnSync } from 'node:child_process';

export interface GitResult {
  readonly ok: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs git in `cwd`; never throws (a missing git binary is a failed result). */
export function git(cwd: string, args: readonly string[], input?: Buffer): GitResult {
  const r = spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, ...(input !== undefined ? { input } : {}) });
  if (r.error !== undefined) return { ok: false, stdout: '', stderr: r.error.message };
  return { ok: r.status === 0, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8').trim() };
}

/** Like {@link git} but with the raw bytes of stdout (for `git archive`). */
export function gitBytes(cwd: string, args: readonly string[]): { ok: boolean; bytes: Buffer; stderr: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 });
  if (r.error !== undefined) return { ok: false, bytes: Buffer.alloc(0), stderr: r.error.message };
  return { ok: r.status === 0, bytes: r.stdout, stderr: r.stderr.toString('utf8').trim() };
}
