import { visibleKeys, type PlanMember, type PlanNode, type RecordPlan } from '../plan';
import type { ScalarAccess } from '../scalar-access';
import {
  addressJs, at, bigLiteral, indexed, member, Names, numLiteral, pathJs, type Address, type PathExpr,
} from './source';

function setterOf(s: ScalarAccess): string {
  if (s.float) return s.bytes === 4 ? 'setFloat32' : 'setFloat64';
  const bits = s.bytes * 8;
  if (bits === 64) return s.signed ? 'setBigInt64' : 'setBigUint64';
  return `set${s.signed ? 'Int' : 'Uint'}${bits}`;
}

/** Byte ranges of [0, size) that no member of a struct covers (holes and tail padding). */
function gapsOf(r: RecordPlan): { offset: number; size: number }[] {
  const covered = new Uint8Array(r.size);
  for (const m of r.members) covered.fill(1, m.node.offset, Math.min(r.size, m.node.offset + m.node.size));
  const gaps: { offset: number; size: number }[] = [];
  for (let i = 0; i < r.size;) {
    if (covered[i] === 1) { i++; continue; }
    const start = i;
    while (i < r.size && covered[i] === 0) i++;
    gaps.push({ offset: start, size: i - start });
  }
  return gaps;
}

/**
 * Generates straight-line JavaScript that writes a value into a DataView and returns `undefined`,
 * or the first error (with the field's path) without writing further. Missing fields are written as
 * zero, as a C initializer leaves them; bytes no field covers are zeroed; a union is zeroed and then
 * each member the value sets is written in declaration order.
 */
export class WriterGenerator {
  private readonly names = new Names();
  private readonly lines: string[] = [];

  /** Source defining `write(dv, o, v)`; `rootPath` names the root in error paths. */
  generate(root: PlanNode, rootPath: string): string {
    this.value(root, { expr: 'o', plus: 0 }, 'v', { lit: rootPath }, true);
    return `function write(dv, o, v) {\n${this.lines.join('\n')}\nreturn undefined;\n}`;
  }

  private emit(line: string): void {
    this.lines.push(line);
  }

  /** Writes `node` (placed at its offset from `a`) from the JavaScript expression `src`. */
  private value(node: PlanNode, a: Address, src: string, path: PathExpr, zeroGaps: boolean): void {
    switch (node.kind) {
      case 'scalar': this.scalar(node.access, at(a, node.offset), src, path); return;
      case 'bits': this.bits(node, a, src, path); return;
      case 'array': this.array(node, a, src, path, zeroGaps); return;
      case 'struct':
      case 'union': {
        const v = this.names.next('r');
        this.emit(`let ${v} = ${src};`);
        this.emit(`if (${v} === undefined) ${v} = h.EMPTY; else if (typeof ${v} !== "object" || ${v} === null || Array.isArray(${v})) return h.shape(${pathJs(path)}, ${v}, "an object");`);
        this.record(node, at(a, node.offset), v, path, zeroGaps);
      }
    }
  }

  private scalar(s: ScalarAccess, a: Address, src: string, path: PathExpr): void {
    const raw = this.names.next('s');
    const x = this.names.next('x');
    this.emit(`const ${raw} = ${src}; let ${x} = ${raw};`);
    const fail = `return h.range(${pathJs(path)}, ${raw}, ${JSON.stringify(s.typeName)});`;
    if (s.float) {
      // float32 always goes through h.flt, which insists on an exactly representable value.
      const test = s.bytes === 4 ? 'true' : `typeof ${x} !== "number"`;
      this.emit(`if (${test}) { ${x} = h.flt(${x}, ${s.bytes === 4}); if (${x} === h.BAD) ${fail} }`);
    } else if (s.bigint) {
      const min = bigLiteral(s.min);
      const max = bigLiteral(s.max);
      this.emit(`if (typeof ${x} !== "bigint" || ${x} < ${min} || ${x} > ${max}) { ${x} = h.big(${x}, ${min}, ${max}); if (${x} === h.BAD) ${fail} }`);
    } else {
      const min = numLiteral(s.min);
      const max = numLiteral(s.max);
      this.emit(`if (typeof ${x} !== "number" || !(${x} >= ${min} && ${x} <= ${max}) || Math.floor(${x}) !== ${x}) { ${x} = h.int(${x}, ${min}, ${max}); if (${x} === h.BAD) ${fail} }`);
    }
    const endian = s.bytes === 1 ? '' : `, ${s.littleEndian}`;
    this.emit(`dv.${setterOf(s)}(${addressJs(a)}, ${x}${endian});`);
  }

  private bits(node: Extract<PlanNode, { kind: 'bits' }>, a: Address, src: string, path: PathExpr): void {
    const raw = this.names.next('s');
    const x = this.names.next('x');
    const size = BigInt(node.bitSize);
    const min = node.access.signed ? -(1n << (size - 1n)) : 0n;
    const max = node.access.signed ? (1n << (size - 1n)) - 1n : (1n << size) - 1n;
    this.emit(`const ${raw} = ${src}; const ${x} = h.big(${raw}, ${min}n, ${max}n);`);
    this.emit(`if (${x} === h.BAD) return h.range(${pathJs(path)}, ${raw}, ${JSON.stringify(`${node.access.typeName}:${node.bitSize}`)});`);
    this.emit(`h.setBits(dv, ${addressJs(a)}, ${node.bitOffset}, ${node.bitSize}, ${node.msbFirst}, ${x});`);
  }

  private array(node: Extract<PlanNode, { kind: 'array' }>, a: Address, src: string, path: PathExpr, zeroGaps: boolean): void {
    const arr = this.names.next('a');
    const i = this.names.next('i');
    this.emit(`let ${arr} = ${src};`);
    this.emit(`if (${arr} === undefined) ${arr} = h.EMPTY_ARRAY; else if (!h.isArrayLike(${arr}) || ${arr}.length > ${node.length}) return h.shape(${pathJs(path)}, ${arr}, ${JSON.stringify(`an array of at most ${node.length} elements`)});`);
    if (node.length === 0) return;
    const base = at(a, node.offset);
    this.emit(`for (let ${i} = 0; ${i} < ${node.length}; ${i}++) {`);
    const element: Address = { expr: `(${addressJs(base)}+${i}*${node.stride})`, plus: 0 };
    this.value(node.element, element, `(${i} < ${arr}.length ? ${arr}[${i}] : undefined)`, indexed(path, i), zeroGaps);
    this.emit('}');
  }

  /** Writes a record whose value object is in variable `v`, at address `a` (already offset). */
  private record(r: RecordPlan, a: Address, v: string, path: PathExpr, zeroGaps: boolean): void {
    if (r.kind === 'union') {
      // Members overlap: zero the whole union, then write only what the value sets.
      if (zeroGaps) this.emit(`h.zero(dv, ${addressJs(a)}, ${r.size});`);
      for (const m of r.members) {
        this.emit(`if (${this.presence(m, v)}) {`);
        this.member(m, a, v, path, false);
        this.emit('}');
      }
      return;
    }
    let inner = zeroGaps;
    if (zeroGaps && r.hasBits) {
      // Bit-fields are written by read-modify-write: start from zero bytes.
      this.emit(`h.zero(dv, ${addressJs(a)}, ${r.size});`);
      inner = false;
    } else if (zeroGaps) {
      for (const g of gapsOf(r)) this.emit(`h.zero(dv, ${addressJs(at(a, g.offset))}, ${g.size});`);
    }
    for (const m of r.members) this.member(m, a, v, path, inner);
  }

  private member(m: PlanMember, a: Address, v: string, path: PathExpr, zeroGaps: boolean): void {
    if (m.key === undefined) {
      const n = m.node;
      if (n.kind === 'struct' || n.kind === 'union') this.record(n, at(a, n.offset), v, path, zeroGaps);
      return;
    }
    this.value(m.node, a, `${v}[${JSON.stringify(m.key)}]`, member(path, m.key), zeroGaps);
  }

  /** Whether the value sets a union member: its key, or any key of an anonymous member. */
  private presence(m: PlanMember, v: string): string {
    const keys = visibleKeys(m);
    if (keys.length === 0) return 'false';
    return keys.map((k) => `${v}[${JSON.stringify(k)}] !== undefined`).join(' || ');
  }
}
