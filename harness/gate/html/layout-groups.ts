import type { Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import type { Spec } from '../../core/model/model';
import { byteMapKey, byteMapOf, type ByteMap } from './byte-map-model';

/** ABIs on which a type has the same picture, with the alignment each gives it. */
export interface LayoutGroup {
  readonly abis: readonly string[];
  readonly map: ByteMap;
  readonly aligns: ReadonlyMap<number, readonly string[]>;
}

/** Old and new picture of a type on a set of ABIs; one side is missing when the type is. */
export interface ComparedGroup {
  readonly abis: readonly string[];
  readonly old: ByteMap | undefined;
  readonly new: ByteMap | undefined;
}

function mapOn(spec: Spec, name: string, abi: Abi): ByteMap | undefined {
  const engine = layoutEngine(spec, abi);
  return engine.findRecord(name) === undefined ? undefined : byteMapOf(engine.record(name));
}

/**
 * One diagram per distinct picture instead of one per ABI: eight identical diagrams hide the one
 * that differs, while a type drawn twice says at once that 32- and 64-bit layouts diverge.
 */
export function layoutGroups(spec: Spec, name: string, abis: readonly Abi[]): LayoutGroup[] {
  const groups = new Map<string, { abis: string[]; map: ByteMap; aligns: Map<number, string[]> }>();
  for (const abi of abis) {
    const map = mapOn(spec, name, abi);
    if (map === undefined) continue;
    const key = byteMapKey(map);
    let g = groups.get(key);
    if (g === undefined) {
      g = { abis: [], map, aligns: new Map() };
      groups.set(key, g);
    }
    g.abis.push(abi.name);
    g.aligns.set(map.align, [...(g.aligns.get(map.align) ?? []), abi.name]);
  }
  return [...groups.values()];
}

/** The same grouping for two versions: ABIs share a pair when both their pictures agree. */
export function comparedGroups(oldSpec: Spec, newSpec: Spec, name: string, abis: readonly Abi[]): ComparedGroup[] {
  const groups = new Map<string, { abis: string[]; old: ByteMap | undefined; new: ByteMap | undefined }>();
  for (const abi of abis) {
    const before = mapOn(oldSpec, name, abi);
    const after = mapOn(newSpec, name, abi);
    const key = `${before === undefined ? '-' : byteMapKey(before)}\u0000${after === undefined ? '-' : byteMapKey(after)}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { abis: [abi.name], old: before, new: after });
    else g.abis.push(abi.name);
  }
  return [...groups.values()];
}

/** `align 8`, or `align 8 on x86_64, aarch64; 4 on i386` when the ABIs of a group disagree. */
export function alignText(aligns: ReadonlyMap<number, readonly string[]>): string {
  if (aligns.size === 1) return `align ${[...aligns.keys()][0] ?? ''}`;
  return `align ${[...aligns].map(([a, names]) => `${a} on ${names.join(', ')}`).join('; ')}`;
}
