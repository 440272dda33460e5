/** A 32-bit FNV-1a hash of text. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The seed one property runs with in one round of one run: a function of the run's seed, the
 * property's name and the round, so that properties are independent of each other and of the order
 * they run in, and a (seed, shard) pair always replays the same rounds.
 */
export function propertySeed(runSeed: number, name: string, round = 0): number {
  return fnv1a(`${runSeed >>> 0}:${round}:${name}`) | 0;
}

/** The default seed of the quick suite: fixed, so that `npm test` and `uapi check` are reproducible. */
export const QUICK_SEED = 20250705;
