import type { LayoutEngine, RecordLayout } from '../layout/engine';
import type { FieldAnnotations, TypeNode } from '../model/model';
import { typeName } from '../layout/type-name';
import { integerAccess, scalarAccess, type ScalarAccess } from './scalar-access';

/**
 * A codec plan: the layout of one type on one ABI, reduced to what reading and writing bytes needs.
 * Offsets are relative to the enclosing record (or array element); the root starts at 0. Anonymous
 * struct/union members keep their place in the tree but have no key: their members are named at the
 * level of the parent, as C (and `Infer<>`) name them.
 */
export type PlanNode = ScalarPlan | BitsPlan | ArrayPlan | RecordPlan;

interface PlanBase {
  /** Byte offset from the start of the enclosing record or array element. */
  readonly offset: number;
  readonly size: number;
  /** The C spelling of the type, for messages. */
  readonly typeName: string;
}

export interface ScalarPlan extends PlanBase {
  readonly kind: 'scalar';
  readonly access: ScalarAccess;
}

/** A bit-field: `bitOffset` counts bits from the start of the enclosing record in allocation order. */
export interface BitsPlan extends PlanBase {
  readonly kind: 'bits';
  readonly access: ScalarAccess;
  readonly bitOffset: number;
  readonly bitSize: number;
  /** Bits are allocated from the most significant end (big-endian ABIs). */
  readonly msbFirst: boolean;
}

export interface ArrayPlan extends PlanBase {
  readonly kind: 'array';
  readonly length: number;
  readonly stride: number;
  /** The element, at offset 0 of each slot. */
  readonly element: PlanNode;
}

export interface PlanMember {
  /** Undefined for an anonymous struct/union member. */
  readonly key: string | undefined;
  readonly node: PlanNode;
  readonly annotations: FieldAnnotations | undefined;
}

export interface RecordPlan extends PlanBase {
  readonly kind: 'struct' | 'union';
  readonly name: string | undefined;
  readonly members: readonly PlanMember[];
  /** A struct with bit-fields is zeroed as a whole before its fields are written. */
  readonly hasBits: boolean;
}

function recordPlan(engine: LayoutEngine, layout: RecordLayout, offset: number): RecordPlan {
  let hasBits = false;
  const members = layout.members.map((m): PlanMember => {
    let node: PlanNode;
    if (m.bitOffset !== undefined && m.bitSize !== undefined) {
      hasBits = true;
      node = {
        kind: 'bits', offset: m.offset, size: m.size, typeName: m.typeName,
        access: leafAccess(engine, m.type), bitOffset: m.bitOffset, bitSize: m.bitSize,
        msbFirst: engine.abi.endian === 'big',
      };
    } else {
      node = planAt(engine, m.type, m.offset);
    }
    return { key: m.name, node, annotations: m.member.annotations };
  });
  return {
    kind: layout.kind, offset, size: layout.size, typeName: layout.name !== undefined ? `${layout.kind} ${layout.name}` : `${layout.kind} {...}`,
    name: layout.name, members, hasBits,
  };
}

/** The access of an integer-like leaf type: a scalar, an enum, or a pointer. */
function leafAccess(engine: LayoutEngine, t: TypeNode): ScalarAccess {
  const littleEndian = engine.abi.endian === 'little';
  switch (t.kind) {
    case 'scalar': return scalarAccess(t.name, engine.abi, t.spelled);
    case 'pointer': return integerAccess(typeName(t), engine.abi.pointerBytes, false, littleEndian);
    case 'ref': {
      if (t.tag !== 'enum') break;
      const e = engine.findEnum(t.name);
      const signed = e !== undefined && e.values.some((v) => v.value < 0n);
      return integerAccess(`enum ${t.name}`, engine.enumSizeAlign(t.name).size, signed, littleEndian);
    }
    default: break;
  }
  throw new Error(`codec: ${typeName(t)} is not a scalar`);
}

function planAt(engine: LayoutEngine, t: TypeNode, offset: number): PlanNode {
  switch (t.kind) {
    case 'scalar':
    case 'pointer': {
      const access = leafAccess(engine, t);
      return { kind: 'scalar', offset, size: access.bytes, typeName: typeName(t), access };
    }
    case 'ref':
      if (t.tag === 'enum') {
        const access = leafAccess(engine, t);
        return { kind: 'scalar', offset, size: access.bytes, typeName: typeName(t), access };
      }
      return recordPlan(engine, engine.record(t.name), offset);
    case 'record':
      return recordPlan(engine, engine.recordOf(t) as RecordLayout, offset);
    case 'array': {
      const element = planAt(engine, t.element, 0);
      const stride = engine.sizeAlign(t.element).size;
      return { kind: 'array', offset, size: stride * t.length, typeName: typeName(t), length: t.length, stride, element };
    }
  }
}

/** The plan of a type on the engine's ABI. The spec must have passed validation. */
export function planOf(engine: LayoutEngine, t: TypeNode): PlanNode {
  return planAt(engine, t, 0);
}

/** Keys a member contributes to its parent's value: its own, or those of an anonymous member. */
export function visibleKeys(m: PlanMember): string[] {
  if (m.key !== undefined) return [m.key];
  const n = m.node;
  return n.kind === 'struct' || n.kind === 'union' ? n.members.flatMap(visibleKeys) : [];
}
