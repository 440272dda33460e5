import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import { boundaryValues, constantsByName, groupFacts, type GroupFacts } from './groups';
import { ioctlFacts, type IoctlFacts } from './ioctl-facts';

/** Everything the suite derives from one spec on one ABI; built once and cached per (spec, ABI). */
export interface SpecFacts {
  readonly spec: Spec;
  readonly abi: Abi;
  readonly ioctls: readonly IoctlFacts[];
  ioctl(name: string): IoctlFacts | undefined;
  group(name: string): GroupFacts | undefined;
  /** A constant or enumerator by name. */
  constant(name: string): bigint | undefined;
  /** Published limits ±1, for plain integer fields (see boundaryValues). */
  readonly boundaries: readonly bigint[];
  /** `_IOC_TYPE` bytes the spec's ioctls use, and (type << 8 | nr) of every declared command. */
  readonly types: ReadonlySet<number>;
  readonly commands: ReadonlySet<number>;
}

const cache = new WeakMap<Spec, Map<string, SpecFacts>>();

export function specFacts(spec: Spec, abi: Abi): SpecFacts {
  let perAbi = cache.get(spec);
  if (perAbi === undefined) {
    perAbi = new Map();
    cache.set(spec, perAbi);
  }
  let f = perAbi.get(abi.name);
  if (f === undefined) {
    const ioctls = spec.ioctls.map((d) => ioctlFacts(spec, abi, d));
    const byName = new Map(ioctls.map((i) => [i.name, i]));
    const groups = new Map<string, GroupFacts | undefined>();
    const constants = constantsByName(spec);
    f = {
      spec, abi, ioctls,
      ioctl: (name) => byName.get(name),
      group: (name) => {
        if (!groups.has(name)) groups.set(name, groupFacts(spec, name));
        return groups.get(name);
      },
      constant: (name) => constants.get(name),
      boundaries: boundaryValues(spec),
      types: new Set(spec.ioctls.map((i) => i.type)),
      commands: new Set(spec.ioctls.map((i) => (i.type << 8) | i.nr)),
    };
    perAbi.set(abi.name, f);
  }
  return f;
}
