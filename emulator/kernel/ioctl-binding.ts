import { codecFor, type RecordPlan } from '../../harness/core/codec';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import type { Abi } from '../../harness/core/layout/abi';
import { layoutEngine } from '../../harness/core/layout/engine';
import type { FailureClass, IoctlDecl, Spec, TypeNode } from '../../harness/core/model/model';
import { FAILURE_CLASSES } from '../../harness/core/model/model';
import { E, errnoByName, type Errno } from '../errno';
import type { Mutations } from '../mutations';
import { ArgChecks } from './arg-checks';
import type { IoctlHandler } from './ioctl-handler';

/** errno of each failure class, for an ioctl whose spec leaves a class out (habanalabs conventions). */
export const DEFAULT_ERRNO: { readonly [C in FailureClass]: Errno } = {
  nonzeroPad: E.EINVAL, unknownFlags: E.EINVAL, badValue: E.EINVAL, staleHandle: E.EINVAL, foreignHandle: E.EINVAL,
  badPointer: E.EFAULT, longerTail: E.E2BIG, outOfRange: E.EINVAL, exhausted: E.ENOMEM, privileged: E.EPERM,
  timeout: E.ETIMEDOUT, busy: E.EBUSY, interrupted: E.EINTR, unsupported: E.EOPNOTSUPP, aborted: E.EIO,
};

/** One entry of the dispatch table: an ioctl of the spec, its handler, and what the entry needs on one ABI. */
export interface IoctlBinding {
  readonly nr: number;
  readonly name: string;
  readonly decl: IoctlDecl;
  readonly handler: IoctlHandler;
  /** The driver's argument size on the kernel ABI (`_IOC_SIZE` of its own request). */
  readonly size: number;
  /** The driver's direction: it reads (`_IOC_WRITE`) and/or writes back (`_IOC_READ`) the argument. */
  readonly reads: boolean;
  readonly writes: boolean;
  /** Bytes a caller passes beyond `size` must be zero (spec tail policy `reject`). */
  readonly rejectTail: boolean;
  /** Not size-extensible: only the driver's exact size is accepted (anything else is not this command). */
  readonly exactSize: boolean;
  readonly errno: { readonly [C in FailureClass]: Errno };
  /** Annotation checks of the input record (the `in` member of an in/out union, or the whole struct). */
  readonly input: ArgChecks | undefined;
}

/** The record a driver reads: for an `{in, out}` union the member annotated `in`, otherwise the argument itself. */
function inputRecordName(spec: Spec, arg: TypeNode | undefined): string | undefined {
  if (arg === undefined || arg.kind !== 'ref' || arg.tag === 'enum') return undefined;
  const r = spec.records.find((x) => x.name === arg.name);
  if (r === undefined) return undefined;
  if (r.kind === 'union') {
    const input = r.members.find((m) => m.annotations?.dir === 'in' && m.type.kind === 'ref');
    return input !== undefined && input.type.kind === 'ref' ? input.type.name : undefined;
  }
  return r.name;
}

/**
 * The dispatch table for one kernel ABI, keyed by `_IOC_NR`: every spec ioctl with a handler.
 * Issues report errno names the emulator does not know and spec ioctls without a handler (warnings:
 * they answer ENOTTY).
 */
export function buildBindings(spec: Spec, abi: Abi, handlers: readonly IoctlHandler[], mutations: Mutations): { table: (IoctlBinding | undefined)[]; issues: Issue[] } {
  const table: (IoctlBinding | undefined)[] = new Array(256).fill(undefined);
  const issues: Issue[] = [];
  const engine = layoutEngine(spec, abi);
  for (const decl of spec.ioctls) {
    const path = `ioctl ${decl.name}`;
    const handler = handlers.find((h) => h.ioctl === decl.name);
    if (handler === undefined) {
      issues.push(issue('EMULATOR_NO_HANDLER', path, 'the emulator has no handler for this ioctl; it answers ENOTTY', undefined, 'warning'));
      continue;
    }
    const errno = { ...DEFAULT_ERRNO };
    for (const cls of FAILURE_CLASSES) {
      const name = decl.errno?.[cls];
      if (name === undefined) continue;
      const n = errnoByName(name);
      if (n === undefined) issues.push(issue('EMULATOR_ERRNO', `${path}.errno.${cls}`, `errno ${name} is not one the emulator knows`));
      else errno[cls] = n;
    }
    const inputName = inputRecordName(spec, decl.arg);
    const inputCodec = inputName !== undefined ? codecFor(spec, abi, inputName) : undefined;
    const plan = inputCodec?.plan;
    table[decl.nr] = {
      nr: decl.nr,
      name: decl.name,
      decl,
      handler,
      size: decl.arg !== undefined ? engine.sizeAlign(decl.arg).size : 0,
      reads: decl.dir === 'w' || decl.dir === 'rw',
      writes: decl.dir === 'r' || decl.dir === 'rw',
      rejectTail: decl.tail === 'reject',
      exactSize: decl.sizeExtensible !== true,
      errno,
      input: plan !== undefined && plan.kind === 'struct' ? new ArgChecks(spec, plan as RecordPlan, inputName as string, mutations) : undefined,
    };
  }
  return { table, issues };
}
