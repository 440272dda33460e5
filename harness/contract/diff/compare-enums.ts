import type { EnumDecl, Enumerator } from '../../core/model/model';
import { isSentinel, type SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';
import { addedValues, classifyValueChange, namedValues } from './value-change';

/**
 * Enumerators, matched by name across all enums (an enumerator may move between enums without
 * changing its meaning for a binary, which only ever sees the value).
 */
export function compareEnums(oldCtx: SideContext, newCtx: SideContext, abis: readonly string[], sink: ChangeSink): void {
  const index = (enums: readonly EnumDecl[]): Map<string, { e: EnumDecl; v: Enumerator; pos: number }> =>
    new Map(enums.flatMap((e) => e.values.map((v, pos) => [v.name, { e, v, pos }] as const)));
  const oldIdx = index(oldCtx.spec.enums);
  const newIdx = index(newCtx.spec.enums);
  const oldValues = namedValues(oldCtx.spec);
  const newValues = namedValues(newCtx.spec);
  const added = addedValues(oldValues, newValues);
  const newConstants = new Map(newCtx.spec.constants.map((c) => [c.name, c]));
  for (const [name, o] of oldIdx) {
    const subject = `enum ${o.e.name}.${name}`;
    const n = newIdx.get(name);
    const asConstant = n === undefined ? newConstants.get(name) : undefined;
    if (asConstant !== undefined) {
      // An enumerator that became a #define (or an anonymous enum's constant): only its value matters.
      if (asConstant.value === o.v.value) {
        sink.emit(R.VALUE_KIND_CHANGED, subject, abis, o.v.value, asConstant.value, `${name} is now a plain constant with the same value ${o.v.value}`, asConstant.loc);
      } else {
        const m = classifyValueChange({ name, old: o.v.value, new: asConstant.value, added, plainRule: R.ENUMERATOR_VALUE_CHANGED, where: 'now a plain constant' });
        sink.emit(m.rule, subject, abis, o.v.value, asConstant.value, m.message, asConstant.loc);
      }
      continue;
    }
    if (n === undefined) {
      const renamed = newCtx.spec.enums.find((e) => e.name === o.e.name)?.values.find((v) => v.value === o.v.value && !oldIdx.has(v.name));
      if (renamed !== undefined) sink.emit(R.ENUMERATOR_RENAMED, subject, abis, name, renamed.name, `${name} (= ${o.v.value}) is now named ${renamed.name}`, renamed.loc);
      else if (name.startsWith('__')) sink.emit(R.INTERNAL_NAME_REMOVED, subject, abis, o.v.value, null, `${name} (= ${o.v.value}) was removed; its leading __ marks it internal, not a value for userspace. Check that the kernel never took it from userspace, then waive it`, o.v.loc ?? o.e.loc);
      else sink.emit(R.ENUMERATOR_REMOVED, subject, abis, o.v.value, null, `${name} (= ${o.v.value}) was removed`, o.v.loc ?? o.e.loc);
      continue;
    }
    if (n.v.value === o.v.value) continue;
    const m = classifyValueChange({ name, old: o.v.value, new: n.v.value, added, plainRule: R.ENUMERATOR_VALUE_CHANGED });
    // A last `..._SIZE` enumerator counts the others (GAUDI2_ENGINE_ID_SIZE); a sentinel moves by design.
    const sentinel = m.rule === R.CONSTANT_SENTINEL_MOVED || (m.rule === R.ENUMERATOR_VALUE_CHANGED && isSentinel(name, true) && n.v.value > o.v.value);
    if (sentinel) sink.emit(R.ENUM_SENTINEL_MOVED, `enum ${n.e.name}.${name}`, abis, o.v.value, n.v.value, `sentinel ${name} moved ${o.v.value} -> ${n.v.value}`, n.v.loc ?? n.e.loc);
    else sink.emit(m.rule, `enum ${n.e.name}.${name}`, abis, o.v.value, n.v.value, m.message, n.v.loc ?? n.e.loc);
  }
  for (const [name, n] of newIdx) {
    if (oldIdx.has(name) || oldValues.has(name)) continue; // an old constant: compareConstants judges it
    const oldEnum = oldCtx.spec.enums.find((e) => e.name === n.e.name);
    if (oldEnum !== undefined && oldEnum.values.some((v) => v.value === n.v.value && !newIdx.has(v.name))) continue; // reported as a rename
    const later = n.e.values.slice(n.pos + 1).some((v) => oldIdx.has(v.name) && !isSentinel(v.name, true));
    const rule = oldEnum !== undefined && later ? R.ENUMERATOR_INSERTED : R.ENUMERATOR_APPENDED;
    sink.emit(rule, `enum ${n.e.name}.${name}`, abis, null, n.v.value, `${name} = ${n.v.value} was ${rule === R.ENUMERATOR_INSERTED ? 'inserted before existing enumerators' : 'added'}`, n.v.loc ?? n.e.loc);
  }
}
