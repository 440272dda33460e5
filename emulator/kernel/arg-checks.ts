import type { FailureClass, FieldAnnotations, Spec } from '../../harness/core/model/model';
import type { PlanMember, PlanNode, RecordPlan, ScalarAccess } from '../../harness/core/codec';
import { visibleKeys } from '../../harness/core/codec';
import type { Mutations } from '../mutations';

/** One input field the spec constrains, at an offset from the start of the checked record. */
export interface FieldCheck {
  /** `hl_cs_in.cs_flags`, `hl_cs_chunk.pad[3]`. */
  readonly path: string;
  readonly offset: number;
  readonly access: ScalarAccess;
  /** pad/reserved must be zero; flags must stay in their group's mask; oneOf must be a listed value. */
  readonly kind: 'zero' | 'flags' | 'oneOf';
  /** The failure class (and so the errno) a violation gives. */
  readonly failure: FailureClass;
  readonly mask: bigint;
  readonly allowed: ReadonlySet<bigint>;
  /** The same for fields of at most 32 bits, as numbers (the common case, kept off bigint). */
  readonly maskNum: number;
  readonly allowedNum: ReadonlySet<number>;
}

const FAILURE: { readonly [K in FieldCheck['kind']]: FailureClass } = { zero: 'nonzeroPad', flags: 'unknownFlags', oneOf: 'badValue' };

/** Values a group (flag set or value set) or an enum defines, by name. */
function groupValues(spec: Spec, name: string): bigint[] {
  const fromGroup = spec.constants.filter((c) => c.group === name).map((c) => c.value);
  if (fromGroup.length > 0) return fromGroup;
  return spec.enums.find((e) => e.name === name)?.values.map((v) => v.value) ?? [];
}

const isInput = (a: FieldAnnotations | undefined): boolean => a?.dir !== 'out';

/**
 * The checks the spec's annotations ask of an input record: non-zero pad/reserved (D1), unknown flag
 * bits (D2), values outside a oneOf set. Fields inside unions depend on which member is meant, so
 * they are left to {@link ArgChecks.arm}. Compiled once per (record, ABI); the mutations that disable
 * a kind of check remove it here, so they cost nothing when off.
 */
export class ArgChecks {
  readonly checks: readonly FieldCheck[];
  private readonly spec: Spec;
  private readonly root: RecordPlan;
  private readonly rootName: string;
  private readonly mutations: Mutations;
  private readonly arms = new Map<string, ArgChecks>();

  constructor(spec: Spec, root: RecordPlan, rootName: string, mutations: Mutations, only?: RecordPlan) {
    this.spec = spec;
    this.root = root;
    this.rootName = rootName;
    this.mutations = mutations;
    const out: FieldCheck[] = [];
    if (only !== undefined) this.collect(only, only.offset, rootName, out, true);
    else this.collect(root, 0, rootName, out, false);
    this.checks = out.filter((c) => !(c.kind === 'zero' && mutations['skip-pad-check']) && !(c.kind === 'flags' && mutations['accept-unknown-flags']));
  }

  /** The first check `view` fails (record at `base`), or undefined. */
  run(view: DataView, base: number): FieldCheck | undefined {
    const cs = this.checks;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i] as FieldCheck;
      const a = c.access;
      const at = base + c.offset;
      if (a.bytes <= 4) {
        let v = a.bytes === 4 ? view.getUint32(at, a.littleEndian) : a.bytes === 2 ? view.getUint16(at, a.littleEndian) : view.getUint8(at);
        if (c.kind === 'zero') {
          if (v !== 0) return c;
        } else if (c.kind === 'flags') {
          if (((v & ~c.maskNum) >>> 0) !== 0) return c;
        } else {
          if (a.signed) v = a.bytes === 4 ? v | 0 : a.bytes === 2 ? (v << 16) >> 16 : (v << 24) >> 24;
          if (!c.allowedNum.has(v)) return c;
        }
        continue;
      }
      const v = view.getBigUint64(at, a.littleEndian);
      if (c.kind === 'zero' ? v !== 0n : c.kind === 'flags' ? (v & ~c.mask) !== 0n : !c.allowed.has(a.signed ? BigInt.asIntN(64, v) : v)) return c;
    }
    return undefined;
  }

  /**
   * The checks of the union member (anywhere in the record) that makes `field` visible: the arm a
   * handler has decided is in use, e.g. the `seq_arr_len` arm of hl_wait_cs_in for MULTI_CS.
   */
  arm(field: string): ArgChecks {
    let a = this.arms.get(field);
    if (a === undefined) {
      const found = findArm(this.root, 0, field);
      const only: RecordPlan = found !== undefined
        ? { ...found.record, offset: found.offset }
        : { kind: 'struct', offset: 0, size: 0, typeName: field, name: undefined, members: [], hasBits: false };
      a = new ArgChecks(this.spec, this.root, this.rootName, this.mutations, only);
      this.arms.set(field, a);
    }
    return a;
  }

  private collect(r: RecordPlan, base: number, path: string, out: FieldCheck[], insideArm: boolean): void {
    if (r.kind === 'union' && !insideArm) return;
    for (const m of r.members) this.member(m, base, path, out);
  }

  private member(m: PlanMember, base: number, path: string, out: FieldCheck[]): void {
    const n = m.node;
    if (m.key === undefined) {
      if (n.kind === 'struct') this.collect(n, base + n.offset, path, out, false);
      return;
    }
    if (!isInput(m.annotations)) return;
    const p = `${path}.${m.key}`;
    if (n.kind === 'struct') {
      this.collect(n, base + n.offset, p, out, false);
      return;
    }
    this.leaf(n, base, p, m.annotations, out);
  }

  private leaf(n: PlanNode, base: number, path: string, a: FieldAnnotations | undefined, out: FieldCheck[]): void {
    if (a === undefined) return;
    if (n.kind === 'array') {
      for (let i = 0; i < n.length; i++) this.leaf({ ...n.element, offset: n.offset + i * n.stride } as PlanNode, base, `${path}[${i}]`, a, out);
      return;
    }
    if (n.kind !== 'scalar' || n.access.float) return;
    const kind: FieldCheck['kind'] | undefined = a.role !== undefined ? 'zero' : a.flags !== undefined ? 'flags' : a.oneOf !== undefined ? 'oneOf' : undefined;
    if (kind === undefined) return;
    const values = kind === 'flags' ? groupValues(this.spec, a.flags as string) : kind === 'oneOf' ? groupValues(this.spec, a.oneOf as string) : [];
    const mask = values.reduce((x, v) => x | BigInt.asUintN(64, v), 0n);
    out.push({
      path, offset: base + n.offset, access: n.access, kind, failure: FAILURE[kind], mask, allowed: new Set(values),
      maskNum: Number(BigInt.asUintN(32, mask)), allowedNum: new Set(values.map((v) => Number(v))),
    });
  }
}

function findArm(r: RecordPlan, base: number, field: string): { record: RecordPlan; offset: number } | undefined {
  for (const m of r.members) {
    const n = m.node;
    if (n.kind !== 'struct' && n.kind !== 'union') continue;
    if (r.kind === 'union' && visibleKeys(m).includes(field)) {
      return { record: n.kind === 'struct' ? n : { ...n, kind: 'struct', members: [m] }, offset: base + n.offset };
    }
    const deeper = findArm(n, base + n.offset, field);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}
