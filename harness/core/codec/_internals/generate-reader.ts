import type { PlanNode, RecordPlan, ScalarPlan } from '../plan';
import { addressJs, at, Names, type Address } from './source';

/** The DataView getter that reads a scalar, by width, signedness and kind. */
export function getterOf(s: ScalarPlan['access']): string {
  if (s.float) return s.bytes === 4 ? 'getFloat32' : 'getFloat64';
  const bits = s.bytes * 8;
  if (bits === 64) return s.signed ? 'getBigInt64' : 'getBigUint64';
  return `get${s.signed ? 'Int' : 'Uint'}${bits}`;
}

/**
 * Generates straight-line JavaScript that reads a plan's value from a DataView: one object literal
 * per record (anonymous members spread into their parent), one small loop function per array.
 */
export class ReaderGenerator {
  private readonly names = new Names();
  private readonly functions: string[] = [];

  /** Source defining the helper functions and `read(dv, o)`. */
  generate(root: PlanNode): string {
    const body = this.expr(root, { expr: 'o', plus: 0 });
    return `${this.functions.join('\n')}\nfunction read(dv, o) { return ${body}; }`;
  }

  private expr(node: PlanNode, a: Address): string {
    switch (node.kind) {
      case 'scalar': {
        const s = node.access;
        const endian = s.bytes === 1 ? '' : `, ${s.littleEndian}`;
        return `dv.${getterOf(s)}(${addressJs(at(a, node.offset))}${endian})`;
      }
      case 'bits': {
        const call = `h.getBits(dv, ${addressJs(a)}, ${node.bitOffset}, ${node.bitSize}, ${node.msbFirst}, ${node.access.signed})`;
        return node.access.bigint ? call : `Number(${call})`;
      }
      case 'array': {
        const fn = this.names.next('readArray');
        const element = this.expr(node.element, { expr: `(e+i*${node.stride})`, plus: 0 });
        this.functions.push(`function ${fn}(dv, e) { const a = []; for (let i = 0; i < ${node.length}; i++) a.push(${element}); return a; }`);
        return `${fn}(dv, ${addressJs(at(a, node.offset))})`;
      }
      case 'struct':
      case 'union':
        return `{${this.entries(node, at(a, node.offset)).join(', ')}}`;
    }
  }

  /** `"key": expr` for every member visible at this level, anonymous members flattened in place. */
  private entries(r: RecordPlan, a: Address): string[] {
    const out: string[] = [];
    for (const m of r.members) {
      if (m.key === undefined) {
        const n = m.node;
        if (n.kind === 'struct' || n.kind === 'union') out.push(...this.entries(n, at(a, n.offset)));
        continue;
      }
      out.push(`${JSON.stringify(m.key)}: ${this.expr(m.node, a)}`);
    }
    return out;
  }
}
