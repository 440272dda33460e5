/**
 * Bytes as hex, with repeated patterns written once: a trace holds kilobytes of NOP packets, fill
 * bytes and zeroes that would otherwise dominate it. The text is space-separated segments, each
 * `<hex>` (literal bytes) or `<hex>*<count>` (the pattern repeated `count` times), e.g.
 * `"0100c0de 00*60"`. Plain hex (no spaces, no `*`) is a valid compact text too.
 */

const PERIODS = [1, 2, 4, 8, 16];
/** A repetition is worth a segment of its own from this many bytes on. */
const MIN_RUN_BYTES = 16;

const hexOf = (b: Uint8Array, from: number, to: number): string => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('hex');

/** How many whole repetitions of the `period` bytes at `at` follow from `at` on (1 when none). */
function repetitions(b: Uint8Array, at: number, period: number): number {
  let n = 1;
  for (let i = at + period; i + period <= b.length; i += period) {
    for (let k = 0; k < period; k++) if (b[i + k] !== b[at + k]) return n;
    n++;
  }
  return n;
}

export function toCompactHex(bytes: Uint8Array): string {
  const out: string[] = [];
  let literalFrom = 0;
  let i = 0;
  while (i < bytes.length) {
    let best: { period: number; count: number } | undefined;
    for (const period of PERIODS) {
      if (i + period * 2 > bytes.length) break;
      const count = repetitions(bytes, i, period);
      if (count >= 2 && count * period >= MIN_RUN_BYTES && (best === undefined || count * period > best.count * best.period)) best = { period, count };
    }
    if (best === undefined) {
      i++;
      continue;
    }
    if (literalFrom < i) out.push(hexOf(bytes, literalFrom, i));
    out.push(`${hexOf(bytes, i, i + best.period)}*${best.count}`);
    i += best.period * best.count;
    literalFrom = i;
  }
  if (literalFrom < bytes.length || out.length === 0) out.push(hexOf(bytes, literalFrom, bytes.length));
  return out.join(' ');
}

/** The bytes of a compact hex text, or an error message naming the bad segment. */
export function fromCompactHex(text: string): { bytes?: Uint8Array; error?: string } {
  const parts: Buffer[] = [];
  for (const seg of text.split(' ')) {
    if (seg === '') continue;
    const [hex = '', times] = seg.split('*');
    if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return { error: `segment "${seg}" is not hex` };
    const count = times === undefined ? 1 : Number(times);
    if (!Number.isSafeInteger(count) || count < 1 || (times !== undefined && !/^[0-9]+$/.test(times))) return { error: `segment "${seg}" has a bad repeat count` };
    const unit = Buffer.from(hex, 'hex');
    parts.push(count === 1 || unit.length === 0 ? unit : Buffer.alloc(unit.length * count, unit));
  }
  return { bytes: new Uint8Array(Buffer.concat(parts)) };
}
