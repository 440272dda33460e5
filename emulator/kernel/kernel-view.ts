import type { Issue } from '../../harness/core/diagnostics/issue';
import type { Abi } from '../../harness/core/layout/abi';
import type { Spec } from '../../harness/core/model/model';
import { codecFor, type RecordPlan } from '../../harness/core/codec';
import type { Mutations } from '../mutations';
import { ArgChecks } from './arg-checks';
import { buildBindings, type IoctlBinding } from './ioctl-binding';
import type { IoctlHandler } from './ioctl-handler';
import { KernelCodecs } from './kernel-codecs';

/** Everything the kernel entry and the handlers need on one kernel ABI, built once per device and ABI. */
export class KernelView {
  readonly abi: Abi;
  readonly codecs: KernelCodecs;
  /** Dispatch table indexed by `_IOC_NR`. */
  readonly bindings: readonly (IoctlBinding | undefined)[];
  private readonly spec: Spec;
  private readonly mutations: Mutations;
  private readonly checks = new Map<string, ArgChecks>();

  private constructor(spec: Spec, abi: Abi, mutations: Mutations, codecs: KernelCodecs, bindings: readonly (IoctlBinding | undefined)[]) {
    this.spec = spec;
    this.abi = abi;
    this.mutations = mutations;
    this.codecs = codecs;
    this.bindings = bindings;
  }

  /** The annotation checks of a struct the driver reads through a user pointer (hl_cs_chunk, debug params). */
  checksOf(typeName: string): ArgChecks {
    let c = this.checks.get(typeName);
    if (c === undefined) {
      const plan = codecFor(this.spec, this.abi, typeName)?.plan;
      const root: RecordPlan = plan !== undefined && plan.kind === 'struct' ? plan : { kind: 'struct', offset: 0, size: 0, typeName, name: typeName, members: [], hasBits: false };
      c = new ArgChecks(this.spec, root, typeName, this.mutations);
      this.checks.set(typeName, c);
    }
    return c;
  }

  static create(spec: Spec, abi: Abi, handlers: readonly IoctlHandler[], mutations: Mutations): { view?: KernelView; issues: Issue[] } {
    const c = KernelCodecs.create(spec, abi);
    if (c.codecs === undefined) return { issues: c.issues };
    const b = buildBindings(spec, abi, handlers, mutations);
    if (b.issues.some((i) => i.severity === 'error')) return { issues: b.issues };
    return { view: new KernelView(spec, abi, mutations, c.codecs, b.table), issues: b.issues };
  }
}
