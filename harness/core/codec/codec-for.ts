import type { Abi } from '../layout/abi';
import { layoutEngine } from '../layout/engine';
import { typeName } from '../layout/type-name';
import type { Spec, TypeNode } from '../model/model';
import { isScalarName } from '../model/scalars';
import { planOf } from './plan';
import { TypeCodec } from './type-codec';

interface PerAbi {
  readonly byName: Map<string, TypeCodec>;
  readonly byNode: WeakMap<TypeNode, TypeCodec>;
}

// Codecs are compiled once per (spec, ABI, type) and live as long as the spec object does.
const cache = new WeakMap<Spec, Map<string, PerAbi>>();

function perAbi(spec: Spec, abi: Abi): PerAbi {
  let abis = cache.get(spec);
  if (abis === undefined) {
    abis = new Map();
    cache.set(spec, abis);
  }
  let p = abis.get(abi.name);
  if (p === undefined) {
    p = { byName: new Map(), byNode: new WeakMap() };
    abis.set(abi.name, p);
  }
  return p;
}

/** The node a name stands for: a struct or union, an enum, or a scalar such as `__u32`. */
function nodeNamed(spec: Spec, name: string): TypeNode | undefined {
  const r = spec.records.find((x) => x.name === name);
  if (r !== undefined) return { kind: 'ref', tag: r.kind, name };
  if (spec.enums.some((e) => e.name === name)) return { kind: 'ref', tag: 'enum', name };
  if (isScalarName(name)) return { kind: 'scalar', name };
  return undefined;
}

/**
 * The codec of a named type (struct, union, enum or scalar) of a validated spec on one ABI, compiled
 * on first use and cached; undefined when the spec has no such type.
 */
export function codecFor<V = unknown>(spec: Spec, abi: Abi, name: string): TypeCodec<V> | undefined {
  const p = perAbi(spec, abi);
  let c = p.byName.get(name);
  if (c === undefined) {
    const node = nodeNamed(spec, name);
    if (node === undefined) return undefined;
    c = new TypeCodec(name, abi, planOf(layoutEngine(spec, abi), node));
    p.byName.set(name, c);
  }
  return c as TypeCodec<V>;
}

/** The codec of any type node of the spec (an ioctl's argument, a member's type), cached by node. */
export function codecForNode<V = unknown>(spec: Spec, abi: Abi, node: TypeNode): TypeCodec<V> {
  if (node.kind === 'ref' && node.tag !== 'enum') {
    const named = codecFor<V>(spec, abi, node.name);
    if (named !== undefined) return named;
  }
  const p = perAbi(spec, abi);
  let c = p.byNode.get(node);
  if (c === undefined) {
    c = new TypeCodec(node.kind === 'ref' ? node.name : typeName(node), abi, planOf(layoutEngine(spec, abi), node));
    p.byNode.set(node, c);
  }
  return c as TypeCodec<V>;
}
