import { SCALARS } from '../../../core/model/scalars';
import { atMember } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

type Unit = 's' | 'ms' | 'us' | 'ns';

// Unit words. The short ones are units only after another word (`timeout_ms`, `tv_sec`): as a first
// word they usually mean something else (`sec_attest_nonce`, `ns_id`, `us_flags`).
const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  seconds: 's', milliseconds: 'ms', microseconds: 'us', nanoseconds: 'ns',
  msec: 'ms', msecs: 'ms', usec: 'us', usecs: 'us', nsec: 'ns', nsecs: 'ns',
};
const SUFFIX_UNIT_WORDS: Readonly<Record<string, Unit>> = { s: 's', sec: 's', secs: 's', ms: 'ms', us: 'us', ns: 'ns' };
// Words that say a field holds a time even without a unit.
const TIME_WORDS = new Set(['timeout', 'timeouts', 'timestamp', 'timestamps', 'deadline', 'time', 'tmo', 'jiffies']);
const UNIT_SECONDS: { readonly [U in Unit]: number } = { s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 };
const UNIT_NAME: { readonly [U in Unit]: string } = { s: 'seconds', ms: 'milliseconds', us: 'microseconds', ns: 'nanoseconds' };

/** What a field name says about time: a unit, or only that it is a time. */
export function timeUnitOf(name: string): Unit | 'unknown' | undefined {
  const words = name.toLowerCase().split('_').filter((w) => w !== '');
  let unit: Unit | undefined;
  words.forEach((w, i) => {
    const u = UNIT_WORDS[w] ?? (i > 0 ? SUFFIX_UNIT_WORDS[w] : undefined);
    if (u !== undefined) unit = u;
  });
  if (unit !== undefined) return unit;
  return words.some((w) => TIME_WORDS.has(w)) ? 'unknown' : undefined;
}

function duration(seconds: number): string {
  const fmt = (n: number, what: string): string => `${Number(n.toPrecision(3))} ${what}`;
  if (seconds < 120) return fmt(seconds, 'seconds');
  if (seconds < 7200) return fmt(seconds / 60, 'minutes');
  if (seconds < 172800) return fmt(seconds / 3600, 'hours');
  if (seconds < 2 * 31557600) return fmt(seconds / 86400, 'days');
  return fmt(seconds / 31557600, 'years');
}

// When a count of `unit` in `bits` bits runs out: after a duration, or for 32-bit seconds since the
// epoch, in a year.
function limit(unit: Unit, bits: number, signed: boolean): string {
  if (unit === 's' && bits === 32) return `in ${signed ? '2038' : '2106'}`;
  return `after ${duration(2 ** (signed ? bits - 1 : bits) * UNIT_SECONDS[unit])}`;
}

function why(unit: Unit | 'unknown', bits: number, signed: boolean): string {
  const kind = `${bits}-bit ${signed ? 'signed' : 'unsigned'}`;
  const epoch = bits === 32 ? ' since the epoch' : '';
  if (unit === 'unknown') {
    const each = (['ns', 'us', 'ms', 's'] as const).map((u) => `as ${UNIT_NAME[u]}${u === 's' ? epoch : ''} ${limit(u, bits, signed)}`);
    return `its name gives no unit, and a ${kind} count runs out in each: ${each.join(', ')}`;
  }
  if (unit === 's') return `a ${kind} count of seconds${epoch} runs out ${limit(unit, bits, signed)}${bits === 32 ? ' (the y2038 problem)' : ''}`;
  return `a ${kind} count of ${UNIT_NAME[unit]} runs out ${limit(unit, bits, signed)}`;
}

export const s8SixtyFourBitTime: LintRule = {
  id: 'S8',
  name: '64-bit-time',
  severity: 'warning',
  purpose: 'times and timeouts as __s64 seconds + __u64 nanoseconds or one __u64 of nanoseconds: fields whose names say time (timeout, *_ns, *_us, *_ms, *sec*) must be 64-bit',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const m of ctx.members) {
      const leaf = withoutArrays(m.member.type);
      if (leaf.kind !== 'scalar' || m.member.name === undefined) continue;
      const unit = timeUnitOf(m.member.name);
      if (unit === undefined) continue;
      const bytes = Math.min(...ctx.abis.map((a) => ctx.engine(a).scalar(leaf.name).size));
      if (bytes >= 8) continue;
      const bits = bytes * 8;
      const signed = SCALARS[leaf.name].signed === true;
      out.push({
        subject: m.path,
        message: `${bits}-bit time field: ${why(unit, bits, signed)}; use one \`__u64\` of nanoseconds, or \`__s64\` seconds plus \`__u64\` nanoseconds`,
        ...atMember(m),
      });
    }
    return out;
  },
};
