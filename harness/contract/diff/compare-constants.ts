import type { ConstantDecl } from '../../core/model/model';
import type { SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';
import { addedValues, classifyValueChange, namedValues } from './value-change';

const multiBit = (c: ConstantDecl): boolean => c.value > 0n && (c.value & (c.value - 1n)) !== 0n;
const isFieldMask = (c: ConstantDecl): boolean => /_MASK$/.test(c.name) && multiBit(c);

const hex = (v: bigint): string => (v < 0n ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);

/** Integer constants, flags and opcodes: the values check-uapi.sh cannot see. */
export function compareConstants(oldCtx: SideContext, newCtx: SideContext, abis: readonly string[], sink: ChangeSink): void {
  const oldByName = new Map(oldCtx.spec.constants.map((c) => [c.name, c]));
  const newByName = new Map(newCtx.spec.constants.map((c) => [c.name, c]));
  const newIoctls = new Set(newCtx.spec.ioctls.map((i) => i.name));
  const oldIoctls = new Set(oldCtx.spec.ioctls.map((i) => i.name));
  const subject = (c: ConstantDecl): string => `constant ${c.name}`;
  const oldValues = namedValues(oldCtx.spec);
  const newValues = namedValues(newCtx.spec);
  const added = addedValues(oldValues, newValues);

  for (const [name, o] of oldByName) {
    const n = newByName.get(name);
    const flag = oldCtx.flagGroupOf.get(name);
    const opcode = oldCtx.valueGroupOf.get(name);
    const asEnumerator = n === undefined ? newValues.get(name) : undefined;
    if (asEnumerator !== undefined) {
      // A #define (or an anonymous enum's constant) that became an enumerator of a named enum: the
      // name still compiles; only its value matters to a binary.
      const where = `now an enumerator of enum ${asEnumerator.enumName ?? ''}`;
      if (asEnumerator.value === o.value) {
        sink.emit(R.VALUE_KIND_CHANGED, subject(o), abis, o.value, asEnumerator.value, `${name} is ${where}, with the same value ${o.value}`, asEnumerator.loc);
      } else {
        const plainRule = flag !== undefined ? R.FLAG_VALUE_CHANGED : opcode !== undefined ? R.OPCODE_VALUE_CHANGED : R.CONSTANT_VALUE_CHANGED;
        const m = classifyValueChange({ name, old: o.value, new: asEnumerator.value, added, plainRule, where });
        sink.emit(m.rule, subject(o), abis, o.value, asEnumerator.value, m.message, asEnumerator.loc);
      }
      continue;
    }
    if (n === undefined) {
      if (newIoctls.has(name)) continue; // became an ioctl request: the ioctl comparison reports it
      if (flag !== undefined) sink.emit(R.FLAG_REMOVED, subject(o), abis, o.value, null, `flag ${name} (${hex(o.value)}) of ${flag} was removed`, o.loc);
      else if (opcode !== undefined) sink.emit(R.OPCODE_REMOVED, subject(o), abis, o.value, null, `${name} (${o.value}) of ${opcode} was removed`, o.loc);
      else sink.emit(R.CONSTANT_REMOVED, subject(o), abis, o.value, null, `${name} (${o.value}) was removed`, o.loc);
      continue;
    }
    if (n.value !== o.value) {
      const plainRule = flag !== undefined ? R.FLAG_VALUE_CHANGED : opcode !== undefined ? R.OPCODE_VALUE_CHANGED : R.CONSTANT_VALUE_CHANGED;
      const m = classifyValueChange({ name, old: o.value, new: n.value, added, plainRule });
      sink.emit(m.rule, subject(n), abis, o.value, n.value, m.message, n.loc);
    }
    if (o.payload !== undefined && n.payload !== undefined && o.payload !== n.payload) {
      sink.emit(R.OPCODE_PAYLOAD_CHANGED, subject(n), abis, o.payload, n.payload, `${name} now returns ${n.payload} instead of ${o.payload}`, n.loc);
    }
  }
  for (const [name, n] of newByName) {
    // An old enumerator (compareEnums judges it) or an old ioctl request (compareIoctls does).
    if (oldByName.has(name) || oldValues.has(name) || oldIoctls.has(name)) continue;
    const flag = newCtx.flagGroupOf.get(name);
    const opcode = newCtx.valueGroupOf.get(name);
    const rule = flag !== undefined ? R.FLAG_ADDED : opcode !== undefined ? R.OPCODE_ADDED : R.CONSTANT_ADDED;
    sink.emit(rule, subject(n), abis, null, n.value, `${name} = ${n.value} was added`, n.loc);
  }
  // A flag whose bits overlap another of its group, where they did not overlap before.
  const groups = new Map<string, ConstantDecl[]>();
  for (const c of newCtx.spec.constants) {
    const g = newCtx.flagGroupOf.get(c.name);
    if (g !== undefined) groups.set(g, [...(groups.get(g) ?? []), c]);
  }
  // Values of a multi-bit field inside a flags word (`AMDGPU_IDS_FLAGS_MODE_VF` beside `..._MODE_MASK`
  // and `..._MODE_SHIFT`) and the field's shift and mask are no flags: they may share bits with flags.
  const fieldValue = (c: ConstantDecl): boolean => {
    const prefix = c.name.slice(0, Math.max(0, c.name.lastIndexOf('_')));
    return /_(SHIFT|MASK)$/.test(c.name) || newByName.has(`${prefix}_MASK`) || newByName.has(`${prefix}_SHIFT`);
  };
  for (const [g, members] of groups) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i] as ConstantDecl;
        const b = members[j] as ConstantDecl;
        if ((a.value & b.value) === 0n) continue;
        const oa = oldByName.get(a.name);
        const ob = oldByName.get(b.name);
        // Only a new flag over an old one can hurt an old binary; a multi-bit `_MASK` names a field
        // of the flags word, and two multi-bit members are two values of such a field, not flags.
        if (oa === undefined && ob === undefined) continue;
        if (oa !== undefined && ob !== undefined && (oa.value & ob.value) !== 0n) continue;
        if (isFieldMask(a) || isFieldMask(b) || (multiBit(a) && multiBit(b)) || fieldValue(a) || fieldValue(b)) continue;
        const added = oa === undefined ? a : b;
        const other = added === a ? b : a;
        sink.emit(R.FLAG_COLLISION, subject(added), abis, other.name, added.name, `${added.name} (${hex(added.value)}) shares bits ${hex(a.value & b.value)} with ${other.name} in ${g}`, added.loc);
      }
    }
  }
}
