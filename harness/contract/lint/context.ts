import type { Abi } from '../../core/layout/abi';
import { layoutEngine, type LayoutEngine, type RecordLayout } from '../../core/layout/engine';
import type { IoctlDecl, Member, RecordDecl, SourceLoc, Spec, TypeNode } from '../../core/model/model';
import { withoutArrays } from './type-facts';

/** A struct or union of the spec: top-level, or defined inline inside another. */
export interface RecordEntry {
  readonly decl: RecordDecl;
  /** `struct hl_cs_in`, `struct hl_mem_in.alloc`, `struct hl_cs_in.<anonymous #2>`. */
  readonly path: string;
  /** How its members are named: an anonymous record's members are named at its parent's level, as in C. */
  readonly memberPrefix: string;
  /** The top-level record it belongs to, whose waivers apply to it. */
  readonly owner: string | undefined;
  /** The type node to lay out. */
  readonly node: TypeNode;
  readonly loc: SourceLoc | undefined;
  readonly members: readonly MemberEntry[];
  /** Declared at top level (named, or an anonymous record the spec lists itself). */
  readonly topLevel: boolean;
}

export interface MemberEntry {
  readonly member: Member;
  /** `struct hl_cs_in.flags` (anonymous members: `struct hl_cs_in.<anonymous #2>`). */
  readonly path: string;
  readonly parent: RecordEntry;
  readonly loc: SourceLoc | undefined;
}

/** The text of the C header a spec was imported from (rule S13). */
export interface HeaderText {
  readonly file: string;
  readonly text: string;
}

/** Everything a rule sees: the spec, walked once, and its layouts on the ABIs being checked. */
export interface LintContext {
  readonly spec: Spec;
  readonly abis: readonly Abi[];
  /** Every struct and union, top-level ones in spec order, each followed by its inline ones. */
  readonly records: readonly RecordEntry[];
  /** Every member of every record, in the same order. */
  readonly members: readonly MemberEntry[];
  readonly header: HeaderText | undefined;
  engine(abi: Abi): LayoutEngine;
  layout(r: RecordEntry, abi: Abi): RecordLayout;
  /** A named top-level struct or union. */
  record(name: string): RecordDecl | undefined;
  /** The top-level record an ioctl takes, whose waivers apply to findings about the ioctl. */
  ioctlOwner(i: IoctlDecl): string | undefined;
}

export function buildContext(spec: Spec, abis: readonly Abi[], header: HeaderText | undefined): LintContext {
  const records: RecordEntry[] = [];
  const members: MemberEntry[] = [];
  const byName = new Map<string, RecordDecl>();
  for (const r of spec.records) if (r.name !== undefined) byName.set(r.name, r);

  const walk = (decl: RecordDecl, path: string, memberPrefix: string, owner: string | undefined, node: TypeNode, loc: SourceLoc | undefined, topLevel: boolean): void => {
    const own: MemberEntry[] = [];
    const entry: RecordEntry = { decl, path, memberPrefix, owner, node, loc, members: own, topLevel };
    records.push(entry);
    const nested: (() => void)[] = [];
    decl.members.forEach((m, i) => {
      const mpath = `${memberPrefix}.${m.name ?? `<anonymous #${i}>`}`;
      const e: MemberEntry = { member: m, path: mpath, parent: entry, loc: m.loc ?? loc };
      own.push(e);
      members.push(e);
      const inner = withoutArrays(m.type);
      if (inner.kind === 'record') {
        nested.push(() => walk(inner.record, mpath, m.name === undefined ? memberPrefix : mpath, owner, inner, m.loc ?? loc, false));
      }
    });
    for (const n of nested) n();
  };
  spec.records.forEach((r, i) => {
    const path = r.name !== undefined ? `${r.kind} ${r.name}` : `${r.kind} <anonymous #${i}>`;
    const node: TypeNode = r.name !== undefined ? { kind: 'ref', tag: r.kind, name: r.name } : { kind: 'record', record: r };
    walk(r, path, path, r.name, node, r.loc, true);
  });

  return {
    spec,
    abis,
    records,
    members,
    header,
    engine: (abi) => layoutEngine(spec, abi),
    layout(r, abi) {
      const l = layoutEngine(spec, abi).recordOf(r.node);
      if (l === undefined) throw new Error(`lint: ${r.path} has no record layout`);
      return l;
    },
    record: (name) => byName.get(name),
    ioctlOwner(i) {
      if (i.arg === undefined) return undefined;
      const t = withoutArrays(i.arg);
      return t.kind === 'ref' && t.tag !== 'enum' ? t.name : undefined;
    },
  };
}
