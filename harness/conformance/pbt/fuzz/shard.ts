/** One of `count` shards of a fuzz run (1-based, as CI matrices number jobs). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

/** `i/n` with 1 <= i <= n; undefined otherwise. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export const shardText = (s: Shard): string => `${s.index}/${s.count}`;

/**
 * The rounds a shard runs, in order: shard i of n takes rounds i-1, i-1+n, i-1+2n, ... of the one
 * logical run the seed defines, so that n shards together cover what one long run would, without
 * overlap, and each is deterministic for its (seed, shard).
 */
export function roundOf(s: Shard, k: number): number {
  return s.index - 1 + k * s.count;
}
