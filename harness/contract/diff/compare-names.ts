import type { SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';

/** Types and enums that appear or disappear by name (ABI-independent). */
export function compareTypeNames(oldCtx: SideContext, newCtx: SideContext, abis: readonly string[], sink: ChangeSink): void {
  const oldRecords = new Map(oldCtx.spec.records.flatMap((r) => (r.name !== undefined ? [[r.name, r] as const] : [])));
  const newRecords = new Map(newCtx.spec.records.flatMap((r) => (r.name !== undefined ? [[r.name, r] as const] : [])));
  for (const [name, r] of newRecords) {
    if (!oldRecords.has(name)) sink.emit(R.TYPE_ADDED, `${r.kind} ${name}`, abis, null, name, `${r.kind} ${name} was added`, r.loc);
  }
  for (const [name, r] of oldRecords) {
    if (!newRecords.has(name)) sink.emit(R.TYPE_REMOVED, `${r.kind} ${name}`, abis, name, null, `${r.kind} ${name} was removed`, r.loc);
  }
  const oldEnums = new Map(oldCtx.spec.enums.map((e) => [e.name, e]));
  const newEnums = new Map(newCtx.spec.enums.map((e) => [e.name, e]));
  for (const [name, e] of newEnums) if (!oldEnums.has(name)) sink.emit(R.ENUM_ADDED, `enum ${name}`, abis, null, name, `enum ${name} was added`, e.loc);
  for (const [name, e] of oldEnums) if (!newEnums.has(name)) sink.emit(R.ENUM_REMOVED, `enum ${name}`, abis, name, null, `enum ${name} was removed`, e.loc);
}
