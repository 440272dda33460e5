/**
 * What a named integer stands for, read from the kernel's naming conventions. A value change means
 * different things for each: a sentinel or range bound moves by design when a value is added, an
 * interface version number increases when the interface grows, an "all valid flags" mask widens when a
 * flag is added. Only a plain value that changes is a proven value-break (old binaries compiled the old
 * number in, and it now means something else).
 */
export type ConstantKind = 'bound' | 'version' | 'major-version' | 'mask' | 'value';

/** Name tokens that make a name the end or size of a range (`__MAX_BPF_ATTACH_TYPE`, `VFIO_CCW_NUM_IRQS`). */
const BOUND_TOKENS = new Set(['MAX', 'LAST', 'COUNT', 'CNT', 'NUM', 'NUMBER', 'END', 'LIMIT', 'MIN', 'NR']);
/** Tokens that make a name an interface version (`FUSE_KERNEL_MINOR_VERSION`, `DM_VERSION_MINOR`). */
const VERSION_TOKENS = new Set(['VERSION', 'VER', 'REVISION']);
/**
 * Tokens that make a multi-bit value a set of valid bits (`RWF_SUPPORTED`, `UFFD_API_RANGE_IOCTLS_BASIC`);
 * `FLAGS`, `BITS` and `ANY` only as the last token (`MSM_BO_FLAGS`), since `X_FLAGS_Y` names one flag.
 */
const MASK_TOKENS = new Set(['MASK', 'ALL', 'SUPPORTED', 'SUPP', 'VALID', 'KNOWN', 'FEATURES', 'IOCTLS']);
const LAST_MASK_TOKENS = new Set([...MASK_TOKENS, 'FLAGS', 'BITS', 'ANY']);

/** `__MAX_BPF_ATTACH_TYPE` -> MAX, BPF, ATTACH, TYPE; leading underscores carry no meaning. */
export function nameTokens(name: string): string[] {
  return name.replace(/^_+/, '').split('_').filter((t) => t.length > 0).map((t) => t.toUpperCase());
}

const multiBit = (v: bigint): boolean => v > 0n && (v & (v - 1n)) !== 0n;

/**
 * The kind of a constant or enumerator by its name, and for masks by both values: a mask keeps that
 * reading only while it is multi-bit on both sides. `NR` counts only after the first token, since
 * `__NR_read` is a syscall number; a `MAX`-prefixed token (`BPF_MAXINSNS`) is a bound too.
 */
export function constantKind(name: string, oldValue?: bigint, newValue?: bigint): ConstantKind {
  const tokens = nameTokens(name);
  if (tokens.some((t) => VERSION_TOKENS.has(t))) return tokens.includes('MAJOR') ? 'major-version' : 'version';
  if (tokens.some((t, i) => (BOUND_TOKENS.has(t) && (t !== 'NR' || i > 0)) || (/^MAX[A-Z]/.test(t)))) return 'bound';
  // A set of bits: multi-bit on one side at least, or empty before its first flag (`MSM_SUBMITQUEUE_FLAGS` 0 -> 3).
  const bothMulti = oldValue === undefined || newValue === undefined || multiBit(oldValue) || multiBit(newValue) || oldValue === 0n;
  const maskNamed = tokens.slice(1).some((t) => MASK_TOKENS.has(t)) || (tokens.length > 1 && LAST_MASK_TOKENS.has(tokens[tokens.length - 1] as string));
  if (maskNamed && bothMulti) return 'mask';
  return 'value';
}

/** A mask widened: every old bit kept. */
export const widened = (oldValue: bigint, newValue: bigint): boolean => oldValue >= 0n && newValue >= 0n && (oldValue & newValue) === oldValue;

/** Whether a bound's move widens the range it bounds: a minimum goes down, anything else goes up. */
export function boundWidened(name: string, oldValue: bigint, newValue: bigint): boolean {
  return nameTokens(name).includes('MIN') ? newValue < oldValue : newValue > oldValue;
}
