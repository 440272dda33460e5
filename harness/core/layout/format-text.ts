import type { IoctlDir, Spec } from '../model/model';
import type { Abi } from './abi';
import { layoutEngine, type MemberLayout, type RecordLayout } from './engine';
import { ioctlViews } from './spec-layout';

const IOC_MACRO: { readonly [D in IoctlDir]: string } = { none: '_IO', w: '_IOW', r: '_IOR', rw: '_IOWR' };

const hex = (n: number | bigint): string => `0x${n.toString(16)}`;
const typeChar = (t: number): string => (t >= 0x20 && t < 0x7f && t !== 0x27 && t !== 0x5c ? `'${String.fromCharCode(t)}'` : hex(t));

/** `/* offset size *\/` column, pahole style; absolute offsets from the start of the top-level type. */
function position(offset: number, size: number, bits?: { offset: number; size: number }): string {
  const base = `/* ${String(offset).padStart(5)} ${String(size).padStart(5)}`;
  return bits !== undefined ? `${base} : bit ${bits.offset} width ${bits.size} */` : `${base} */`;
}

function line(indent: number, decl: string, comment: string): string {
  const text = `${'\t'.repeat(indent)}${decl}`;
  // Tabs count as 8 columns for alignment of the comment column.
  const width = indent * 8 + decl.length;
  return `${text}${' '.repeat(Math.max(1, 56 - width))}${comment}`;
}

function declOf(m: MemberLayout): string {
  let t = m.typeName;
  let dims = '';
  const bracket = t.indexOf('[');
  if (bracket >= 0) {
    dims = t.slice(bracket);
    t = t.slice(0, bracket);
  }
  const bits = m.bitSize !== undefined ? `:${m.bitSize}` : '';
  return `${t.padEnd(24)} ${m.name ?? ''}${dims}${bits};`;
}

function writeMembers(r: RecordLayout, base: number, indent: number, out: string[]): void {
  let end = 0;
  for (const m of r.members) {
    const offset = base + m.offset;
    if (r.kind === 'struct' && m.bitSize === undefined && m.offset > end) {
      out.push(`${'\t'.repeat(indent)}/* XXX ${m.offset - end} byte${m.offset - end === 1 ? '' : 's'} hole, try to pack */`);
    }
    const bits = m.bitOffset !== undefined && m.bitSize !== undefined ? { offset: base * 8 + m.bitOffset, size: m.bitSize } : undefined;
    if (m.type.kind === 'record' && m.record !== undefined) {
      out.push(`${'\t'.repeat(indent)}${m.record.kind} {`);
      writeMembers(m.record, offset, indent + 1, out);
      out.push(line(indent, `}${m.name !== undefined ? ` ${m.name}` : ''};`, position(offset, m.size)));
    } else {
      out.push(line(indent, declOf(m), position(offset, m.size, bits)));
    }
    end = Math.max(end, bits !== undefined ? Math.ceil((m.bitOffset! + m.bitSize!) / 8) : m.offset + m.size);
  }
  const tail = r.size - (r.kind === 'struct' ? end : Math.max(0, ...r.members.map((m) => m.size)));
  if (tail > 0) out.push(`${'\t'.repeat(indent)}/* XXX ${tail} byte${tail === 1 ? '' : 's'} tail padding */`);
}

/** The layout of one record as pahole prints it, with holes, tail padding and a summary line. */
export function formatRecordText(r: RecordLayout): string {
  const out = [`${r.kind} ${r.name ?? '{...}'} {`];
  writeMembers(r, 0, 1, out);
  const holes = r.padding.filter((p) => !p.tail);
  const padBytes = r.padding.reduce((n, p) => n + p.size, 0);
  out.push(`\t/* size: ${r.size}, align: ${r.align}, holes: ${holes.length}, padding bytes: ${padBytes} */`);
  out.push('};');
  return out.join('\n');
}

/**
 * The human-readable golden for one ABI: every struct/union with offsets, sizes, holes and padding;
 * every ioctl with its request number; every enum and constant. Stable text, made to be reviewed.
 */
export function formatLayoutText(spec: Spec, abi: Abi): string {
  const engine = layoutEngine(spec, abi);
  const out: string[] = [
    `/* uAPI ${spec.name} ${spec.version} on ${abi.name} (${abi.triple}, ${abi.endian}-endian, ioctl encoding ${abi.ioctl}) */`,
    '',
  ];
  for (const r of spec.records) {
    if (r.name === undefined) continue;
    out.push(formatRecordText(engine.record(r.name)), '');
  }
  for (const i of ioctlViews(spec, engine)) {
    const decl = spec.ioctls.find((d) => d.name === i.name);
    const arg = decl?.arg !== undefined ? `, ${decl.arg.kind === 'ref' ? `${decl.arg.tag} ${decl.arg.name}` : i.arg ?? ''}` : '';
    out.push(`#define ${i.name} ${hex(i.request)} /* ${IOC_MACRO[i.dir]}(${typeChar(i.type)}, ${hex(i.nr)}${arg}) dir ${i.dir} type ${i.type} nr ${i.nr} size ${i.size} */`);
  }
  if (spec.ioctls.length > 0) out.push('');
  for (const e of spec.enums) {
    const sa = engine.enumSizeAlign(e.name);
    out.push(`enum ${e.name} { /* size ${sa.size}, align ${sa.align} */`);
    for (const v of e.values) out.push(`\t${v.name} = ${v.value},`);
    out.push('};', '');
  }
  for (const c of spec.constants) {
    const v = c.value >= 16n || c.value < 0n ? `${c.value} /* ${hex(c.value < 0n ? c.value + (1n << 64n) : c.value)} */` : `${c.value}`;
    out.push(`#define ${c.name} ${v}`);
  }
  return out.join('\n').trimEnd() + '\n';
}
