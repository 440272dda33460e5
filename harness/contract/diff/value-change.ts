import type { SourceLoc, Spec } from '../../core/model/model';
import { boundWidened, constantKind, widened } from './constant-kinds';
import type { Rule } from './rule';
import * as R from './rules';

const hex = (v: bigint): string => (v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);

/** What a changed value is, as far as the name and both values tell: the same for a #define and an enumerator. */
export interface ValueChange {
  readonly name: string;
  readonly old: bigint;
  readonly new: bigint;
  /** Names with a value on the new side that the old side lacked (the flags a widened mask may cover). */
  readonly added: ReadonlyMap<string, bigint>;
  /** Rule for a plain value (a flag, an opcode, a constant or an enumerator changed value). */
  readonly plainRule: Rule;
  /** `in enum X`, `now an enumerator of enum X`, ... appended to the message. */
  readonly where?: string;
}

/** The flags added in this version whose bits make up `bits`, or undefined when some bit is not covered. */
function coveringFlags(bits: bigint, added: ReadonlyMap<string, bigint>): string[] | undefined {
  const names: string[] = [];
  let covered = 0n;
  for (const [name, v] of added) {
    if (v > 0n && (v & bits) === v) { names.push(name); covered |= v; }
  }
  return covered === bits ? names.sort() : undefined;
}

/** The rule and message for a name whose value changed between two versions. */
export function classifyValueChange(c: ValueChange): { rule: Rule; message: string } {
  const where = c.where !== undefined ? ` (${c.where})` : '';
  const values = `${c.old} (${hex(c.old)}) -> ${c.new} (${hex(c.new)})${where}`;
  switch (constantKind(c.name, c.old, c.new)) {
    case 'bound':
      return boundWidened(c.name, c.old, c.new)
        ? { rule: R.CONSTANT_SENTINEL_MOVED, message: `${c.name} marks the end or size of a range and moved ${values} as the range grew; an array it sizes shows as a layout change` }
        : { rule: R.CONSTANT_BOUND_NARROWED, message: `${c.name} bounds a range and moved ${values}, so the range shrank: old binaries may pass values the kernel now rejects. Check what the kernel accepts, then waive it` };
    case 'version':
      return c.new > c.old
        ? { rule: R.CONSTANT_VERSION_CHANGED, message: `interface version ${c.name} increased ${values}: how an interface announces additions` }
        : { rule: R.CONSTANT_MAJOR_VERSION_CHANGED, message: `interface version ${c.name} went down ${values}: old binaries that compare it may refuse the interface` };
    case 'major-version':
      return { rule: R.CONSTANT_MAJOR_VERSION_CHANGED, message: `major interface version ${c.name} changed ${values}: old binaries that check it may refuse the interface; check what the kernel still accepts` };
    case 'mask': {
      if (!widened(c.old, c.new)) {
        return { rule: R.FLAG_MASK_NARROWED, message: `mask ${c.name} lost bits ${hex(c.old & ~c.new)} (${values}): old binaries that pass those bits may now be rejected. Check what the kernel accepts, then waive it` };
      }
      const gained = c.new & ~c.old;
      const flags = coveringFlags(gained, c.added);
      const by = flags !== undefined && flags.length > 0 ? `, exactly the flags added: ${flags.join(', ')}` : ` (bits ${hex(gained)}, not all named by an added flag)`;
      return { rule: R.FLAG_MASK_WIDENED, message: `mask ${c.name} gained bits ${values}${by}; every old bit is kept` };
    }
    case 'value':
      return { rule: c.plainRule, message: `${c.name} changed ${values}: binaries built with the old header use ${c.old}` };
  }
}

/** A name with an integer value: a constant (`#define`, an anonymous enum's enumerator) or a named enum's enumerator. */
export interface NamedValue {
  readonly value: bigint;
  /** The named enum it belongs to; undefined for a constant. */
  readonly enumName?: string;
  readonly loc?: SourceLoc;
}

/** Every name with a value on one side: C code sees constants and enumerators alike. */
export function namedValues(spec: Spec): Map<string, NamedValue> {
  const out = new Map<string, NamedValue>();
  for (const e of spec.enums) {
    for (const v of e.values) out.set(v.name, { value: v.value, enumName: e.name, ...(v.loc !== undefined ? { loc: v.loc } : {}) });
  }
  // A macro named like an enumerator is what C code sees (`#define __X_MAX (__X_MAX - 1)`).
  for (const c of spec.constants) out.set(c.name, { value: c.value, ...(c.loc !== undefined ? { loc: c.loc } : {}) });
  return out;
}

/** Names of `now` that `before` lacks, with their values. */
export function addedValues(before: ReadonlyMap<string, NamedValue>, now: ReadonlyMap<string, NamedValue>): Map<string, bigint> {
  return new Map([...now].filter(([n]) => !before.has(n)).map(([n, v]) => [n, v.value]));
}
