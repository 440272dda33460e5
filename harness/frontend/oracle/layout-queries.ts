import type { Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { fieldViews, ioctlViews, type FieldView } from '../../core/layout/spec-layout';
import type { Spec } from '../../core/model/model';

/** What a query measures; the names appear in mismatch reports. */
export type QueryKind = 'size' | 'align' | 'offset' | 'field size' | 'bit offset' | 'request' | 'value';

/**
 * One number to compare: the layout engine's value and, for everything but bit offsets, the C
 * constant expression whose value clang computes. Bit offsets have no C expression (offsetof does
 * not apply to bit-fields); they are read from clang's record layout dump instead.
 */
export interface LayoutQuery {
  /** `struct hl_cs_in`, `struct hl_cs_in.chunks.flags`, `ioctl DRM_IOCTL_HL_INFO`, `enum E.V`, `constant C`. */
  readonly path: string;
  readonly kind: QueryKind;
  readonly expected: bigint;
  /** The C expression (absent for bit offsets). */
  readonly expr?: string;
  /** For bit offsets: the top-level record and the member path inside it. */
  readonly bitField?: { readonly record: string; readonly kind: 'struct' | 'union'; readonly member: string };
}

/** Everything the oracle checks for one ABI, with the engine's values. Same paths for every ABI. */
export function layoutQueries(spec: Spec, abi: Abi): LayoutQuery[] {
  const engine = layoutEngine(spec, abi);
  const out: LayoutQuery[] = [];
  for (const r of spec.records) {
    if (r.name === undefined) continue;
    const lay = engine.record(r.name);
    const tag = `${r.kind} ${r.name}`;
    out.push({ path: tag, kind: 'size', expected: BigInt(lay.size), expr: `sizeof(${tag})` });
    out.push({ path: tag, kind: 'align', expected: BigInt(lay.align), expr: `_Alignof(${tag})` });
    const visit = (fields: readonly FieldView[], prefix: string): void => {
      for (const f of fields) {
        const member = `${prefix}${f.name}`;
        const path = `${tag}.${member}`;
        if (f.bitOffset !== undefined) {
          out.push({ path, kind: 'bit offset', expected: BigInt(f.bitOffset), bitField: { record: r.name as string, kind: r.kind, member } });
          continue;
        }
        out.push({ path, kind: 'offset', expected: BigInt(f.offset), expr: `__builtin_offsetof(${tag}, ${member})` });
        // sizeof does not apply to a flexible array member (`__u8 x[]`, `__u8 macs[][6]`).
        if (!f.type.includes('[]')) out.push({ path, kind: 'field size', expected: BigInt(f.size), expr: `sizeof(((${tag} *)0)->${member})` });
        if (f.fields !== undefined) visit(f.fields, `${member}.`);
      }
    };
    visit(fieldViews(lay.members), '');
  }
  for (const e of spec.enums) {
    const sa = engine.enumSizeAlign(e.name);
    out.push({ path: `enum ${e.name}`, kind: 'size', expected: BigInt(sa.size), expr: `sizeof(enum ${e.name})` });
    out.push({ path: `enum ${e.name}`, kind: 'align', expected: BigInt(sa.align), expr: `_Alignof(enum ${e.name})` });
    for (const v of e.values) out.push({ path: `enum ${e.name}.${v.name}`, kind: 'value', expected: v.value, expr: v.name });
  }
  for (const c of spec.constants) out.push({ path: `constant ${c.name}`, kind: 'value', expected: c.value, expr: c.name });
  for (const i of ioctlViews(spec, engine)) out.push({ path: `ioctl ${i.name}`, kind: 'request', expected: BigInt(i.request), expr: i.name });
  return out;
}
