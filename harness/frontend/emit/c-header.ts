import type { IoctlDecl, Member, RecordDecl, Spec, TypeNode } from '../../core/model/model';
import { cInteger, cTypeByte } from './c-literal';
import { dependencyOrder } from './dependency-order';

/** Where an anonymous struct/union of the spec ended up in the emitted text (1-based). */
export interface EmittedPosition {
  readonly line: number;
  readonly col: number;
}

export interface EmittedHeader {
  readonly text: string;
  /** Positions of the inline (unnamed) records, as clang names them in diagnostics and dumps. */
  readonly inlinePositions: ReadonlyMap<RecordDecl, EmittedPosition>;
}

const IOC: { readonly [D in IoctlDecl['dir']]: string } = { none: '_IO', w: '_IOW', r: '_IOR', rw: '_IOWR' };

/** The type part of a declaration and the suffix after the name (array bounds). */
function declParts(t: TypeNode, isLastOfStruct: boolean): { base: TypeNode; prefix: string; dims: string } {
  let dims = '';
  let e = t;
  while (e.kind === 'array') {
    // A length of 0 is a flexible array member; `[]` is only valid as the last member of a struct.
    dims += e.length === 0 ? (isLastOfStruct && dims === '' ? '[]' : '[0]') : `[${e.length}]`;
    e = e.element;
  }
  return { base: e, prefix: e.kind === 'pointer' ? '*' : '', dims };
}

/** C's spelling of a type in a type name position (`struct foo`, `__u32[4]`), inline records excepted. */
export function cTypeName(t: TypeNode): string {
  switch (t.kind) {
    case 'scalar': return t.aligned !== undefined ? alignedTypedefName(t.name, t.aligned) : t.name;
    case 'ref': return `${t.tag} ${t.name}`;
    case 'pointer': return 'void *';
    case 'array': return `${cTypeName(t.element)}[${t.length}]`;
    case 'record': return `${t.record.kind} ${t.record.name ?? ''}`.trim();
  }
}

/** The typedef the emitted header declares for a scalar whose typedef sets its alignment. */
const alignedTypedefName = (name: string, aligned: number): string => `__uapi_${name.replace(/ /g, '_')}_aligned${aligned}`;

/** Every scalar with a typedef alignment the records and ioctls use, once each, as `typedef` lines. */
function alignedTypedefs(spec: Spec): string[] {
  const out = new Map<string, string>();
  const visit = (t: TypeNode): void => {
    if (t.kind === 'scalar' && t.aligned !== undefined) {
      const n = alignedTypedefName(t.name, t.aligned);
      out.set(n, `typedef ${t.name} ${n} __attribute__((aligned(${t.aligned})));`);
    } else if (t.kind === 'array') visit(t.element);
    else if (t.kind === 'record') for (const m of t.record.members) visit(m.type);
  };
  for (const r of spec.records) for (const m of r.members) visit(m.type);
  for (const i of spec.ioctls) if (i.arg !== undefined) visit(i.arg);
  return [...out.values()];
}

/**
 * Writes a spec as a C header in uAPI style (`<linux/types.h>` types, `_IO*` macros), the way a
 * kernel header would declare it: enums, then structs and unions (each after those it contains),
 * then constants and ioctls as `#define`s. Pointers become `void *` (same size); scalars keep their
 * model name, not a typedef spelling the header may not have.
 */
export function emitCHeader(spec: Spec): EmittedHeader {
  const lines: string[] = [];
  const inlinePositions = new Map<RecordDecl, EmittedPosition>();
  const guard = `_UAPI_HARNESS_${spec.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_H`;
  lines.push(
    '/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */',
    `/* ${spec.name} ${spec.version}: written by uapi-harness from the spec; do not edit. */`,
    `#ifndef ${guard}`,
    `#define ${guard}`,
    '',
    '#include <linux/types.h>',
    '#include <linux/ioctl.h>',
    '',
    '#ifndef __aligned_s64',
    '#define __aligned_s64 __s64 __attribute__((aligned(8)))',
    '#endif',
    '',
  );
  const typedefs = alignedTypedefs(spec);
  if (typedefs.length > 0) lines.push(...typedefs, '');
  for (const e of spec.enums) {
    lines.push(`enum ${e.name} {`);
    for (const v of e.values) lines.push(`\t${v.name} = ${cInteger(v.value)},`);
    lines.push(`}${e.packed === true ? ' __attribute__((packed))' : ''};`, '');
  }

  const recordLines = (r: RecordDecl, indent: number, after: string): void => {
    const pad = '\t'.repeat(indent);
    if (r.name === undefined) inlinePositions.set(r, { line: lines.length + 1, col: indent + 1 });
    lines.push(`${pad}${r.kind}${r.name !== undefined && indent === 0 ? ` ${r.name}` : ''} {`);
    // C allows `[]` only as the last member of a struct with a named member (or an unnamed record) before it.
    const flexibleAllowedAt = (i: number): boolean =>
      r.kind === 'struct' && i === r.members.length - 1 && r.members.slice(0, i).some((x) => x.name !== undefined || x.type.kind === 'record');
    r.members.forEach((m, i) => memberLines(m, indent + 1, flexibleAllowedAt(i)));
    const attrs = [...(r.packed === true ? ['packed'] : []), ...(r.aligned !== undefined ? [`aligned(${r.aligned})`] : [])];
    lines.push(`${pad}}${attrs.length > 0 ? ` __attribute__((${attrs.join(', ')}))` : ''}${after};`);
  };
  const memberLines = (m: Member, indent: number, isLast: boolean): void => {
    const pad = '\t'.repeat(indent);
    const { base, prefix, dims } = declParts(m.type, isLast);
    const declarator = `${prefix}${m.name ?? ''}${dims}${m.bits !== undefined ? ` : ${m.bits}` : ''}${m.aligned !== undefined ? ` __attribute__((aligned(${m.aligned})))` : ''}`;
    if (base.kind === 'record') {
      recordLines(base.record, indent, declarator.trim() === '' ? '' : ` ${declarator.trim()}`);
      return;
    }
    const typeText = base.kind === 'pointer' ? 'void' : cTypeName(base);
    lines.push(`${pad}${typeText}${declarator === '' ? '' : ` ${declarator}`};`);
  };
  for (const r of dependencyOrder(spec.records.filter((x) => x.name !== undefined))) {
    if (r.maxFieldAlign !== undefined) lines.push(`#pragma pack(push, ${r.maxFieldAlign})`);
    recordLines(r, 0, '');
    if (r.maxFieldAlign !== undefined) lines.push('#pragma pack(pop)');
    lines.push('');
  }
  for (const c of spec.constants) lines.push(`#define ${c.name} ${cInteger(c.value)}`);
  if (spec.constants.length > 0) lines.push('');
  for (const i of spec.ioctls) {
    const args = [cTypeByte(i.type), `0x${i.nr.toString(16)}`, ...(i.arg !== undefined ? [ioctlArg(i.arg)] : [])];
    lines.push(`#define ${i.name} ${IOC[i.dir]}(${args.join(', ')})`);
  }
  lines.push('', `#endif /* ${guard} */`, '');
  return { text: lines.join('\n'), inlinePositions };
}

function ioctlArg(t: TypeNode): string {
  if (t.kind === 'record') return `${t.record.kind} { ${t.record.members.map((m) => `${cTypeName(m.type)} ${m.name ?? ''};`).join(' ')} }`;
  return cTypeName(t);
}
