import { findAbi, type Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import type { Spec } from '../../core/model/model';
import type { SideContext } from './context';
import { leavesOf } from './leaves';
import * as R from './rules';
import type { ChangeSink } from './sink';

/** 32-bit ABIs and the 64-bit ABI whose kernel serves them through compat ioctls. */
const PAIRS: readonly (readonly [string, string])[] = [['i386', 'x86_64'], ['arm', 'aarch64']];

function signature(spec: Spec, abi: Abi, name: string): string {
  const r = layoutEngine(spec, abi).record(name);
  return `${r.size}:${leavesOf(r).map((l) => `${l.path}@${l.offset}`).join(',')}`;
}

function diverges(spec32: Spec, spec64: Spec, name: string, a32: Abi, a64: Abi): boolean {
  return signature(spec32, a32, name) !== signature(spec64, a64, name);
}

/**
 * New 32/64-bit divergence: a type whose layout differs between a 32-bit ABI and its 64-bit sibling
 * in the new version, where it did not (or did not exist) in the old one. Only pairs whose both ABIs
 * are being compared are checked. `oldAt`/`newAt` give each ABI's side (a target-dependent header
 * has one spec per group of ABIs); a type missing on either ABI of a pair is not compared.
 */
export function compareDivergence(oldAt: (abi: string) => SideContext, newAt: (abi: string) => SideContext, abiNames: readonly string[], sink: ChangeSink): void {
  for (const [n32, n64] of PAIRS) {
    if (!abiNames.includes(n32) || !abiNames.includes(n64)) continue;
    const a32 = findAbi(n32) as Abi;
    const a64 = findAbi(n64) as Abi;
    const new32 = newAt(n32).spec;
    const new64 = newAt(n64).spec;
    const old32 = oldAt(n32).spec;
    const old64 = oldAt(n64).spec;
    const named = (spec: Spec): Set<string> => new Set(spec.records.flatMap((r) => (r.name !== undefined ? [r.name] : [])));
    const in32 = new32 === new64 ? undefined : named(new32);
    const oldNames = named(old32);
    const old64Names = old32 === old64 ? oldNames : named(old64);
    for (const r of new64.records) {
      if (r.name === undefined || (in32 !== undefined && !in32.has(r.name))) continue;
      if (!diverges(new32, new64, r.name, a32, a64)) continue;
      if (oldNames.has(r.name) && old64Names.has(r.name) && diverges(old32, old64, r.name, a32, a64)) continue;
      // A type the old version did not have cannot break an old binary: the divergence is a hazard
      // for new 32-bit callers on a 64-bit kernel, not a break.
      const isNew = !oldNames.has(r.name) || !old64Names.has(r.name);
      const rule = !newAt(n64).reachable.has(r.name) ? R.LAYOUT_32_64_DIVERGENCE_UNUSED : isNew ? R.LAYOUT_32_64_DIVERGENCE_NEW_TYPE : R.LAYOUT_32_64_DIVERGENCE;
      const s32 = layoutEngine(new32, a32).record(r.name).size;
      const s64 = layoutEngine(new64, a64).record(r.name).size;
      sink.emit(rule, `${r.kind} ${r.name}`, [n32, n64], `${n32}: ${s32} bytes`, `${n64}: ${s64} bytes`, `layout differs between ${n32} (${s32} bytes) and ${n64} (${s64} bytes): 32-bit callers on a 64-bit kernel need a compat handler; use __aligned_u64 or explicit padding`, r.loc);
    }
  }
}
