import type { EnumDecl, Enumerator } from '../spec/model';
import { isSentinel, type SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';

/**
 * Enumerators, matched by name across all enums (an enumerator may move between enums without
 * changing its meaning for a binary, which only ever sees the value).
 */
export function compareEnums(oldCtx: SideContext, newCtx: SideContext, abis: readonly string[], sink: ChangeSink): void {
  const index = (enums: readonly EnumDecl[]): Map<string, { e: EnumDecl; v: Enumerator; pos: number }> =>
    new Map(enums.flatMap((e) => e.values.map((v, pos) => [v.name, { e, v, pos }] as const)));
  const oldIdx = index(oldCtx.spec.enums);
  const newIdx = index(newCtx.spec.enums);
  for (const [name, o] of oldIdx) {
    const subject = `enum ${o.e.name}.${name}`;
    const n = newIdx.get(name);
    if (n === undefined) {
      const renamed = newCtx.spec.enums.find((e) => e.name === o.e.name)?.values.find((v) => v.value === o.v.value && !oldIdx.has(v.name));
      if (renamed !== undefined) sink.emit(R.ENUMERATOR_RENAMED, subject, abis, name, renamed.name, `${name} (= ${o.v.value}) is now named ${renamed.name}`, renamed.loc);
      else sink.emit(R.ENUMERATOR_REMOVED, subject, abis, o.v.value, null, `${name} (= ${o.v.value}) was removed`, o.v.loc ?? o.e.loc);
      continue;
    }
    if (n.v.value === o.v.value) continue;
    if (isSentinel(name, true)) sink.emit(R.ENUM_SENTINEL_MOVED, `enum ${n.e.name}.${name}`, abis, o.v.value, n.v.value, `sentinel ${name} moved ${o.v.value} -> ${n.v.value}`, n.v.loc ?? n.e.loc);
    else sink.emit(R.ENUMERATOR_VALUE_CHANGED, `enum ${n.e.name}.${name}`, abis, o.v.value, n.v.value, `${name} changed value ${o.v.value} -> ${n.v.value}: binaries built with the old header pass ${o.v.value}`, n.v.loc ?? n.e.loc);
  }
  for (const [name, n] of newIdx) {
    if (oldIdx.has(name)) continue;
    const oldEnum = oldCtx.spec.enums.find((e) => e.name === n.e.name);
    if (oldEnum !== undefined && oldEnum.values.some((v) => v.value === n.v.value && !newIdx.has(v.name))) continue; // reported as a rename
    const later = n.e.values.slice(n.pos + 1).some((v) => oldIdx.has(v.name) && !isSentinel(v.name, true));
    const rule = oldEnum !== undefined && later ? R.ENUMERATOR_INSERTED : R.ENUMERATOR_APPENDED;
    sink.emit(rule, `enum ${n.e.name}.${name}`, abis, null, n.v.value, `${name} = ${n.v.value} was ${rule === R.ENUMERATOR_INSERTED ? 'inserted before existing enumerators' : 'added'}`, n.v.loc ?? n.e.loc);
  }
}
