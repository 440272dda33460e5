import { E } from '../../../core/boundary/errno';
import type { Process } from '../../../core/boundary/process';
import { issue } from '../../../core/diagnostics/issue';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import { specFacts } from '../../pbt/spec-facts/spec-facts';
import type { DeviceInstance } from '../../pbt/world/device-instance';
import type { IoctlCounter } from '../../pbt/world/session-hook';
import { System } from '../../pbt/world/system';
import type { DeviceUnderTest, Stage, RecipeOptions } from '../device-under-test';
import { ExecutorPool } from './executor-pool';
import type { UserfaultfdRequests } from './userfaultfd-process';

/** The node the recipe opens unless `--device` names another. */
export const USERFAULTFD_NODE = '/dev/userfaultfd';
const NEEDS = ['USERFAULTFD_IOC_NEW', 'UFFDIO_API'] as const;

/** The real kernel's userfaultfd, reached through native executors (one per process of the suite). */
class UserfaultfdInstance implements DeviceInstance {
  readonly internalErrors: readonly unknown[] = [];

  constructor(readonly spec: Spec, private readonly path: string, private readonly processesOf: (abi: Abi, counter: IoctlCounter, count: number) => Process[]) {}

  /** The kernel's bookkeeping cannot be seen from outside. */
  digest(): undefined {
    return undefined;
  }

  node(mode: 'compute' | 'control'): string | undefined {
    return mode === 'compute' ? this.path : undefined;
  }

  processes(abi: Abi, counter: IoctlCounter, count: number): Process[] {
    return this.processesOf(abi, counter, count);
  }
}

/** The recipe's request numbers on `abi`, from the spec (what linux/userfaultfd.h gives a C client). */
function requestsOf(spec: Spec, abi: Abi): UserfaultfdRequests | undefined {
  const f = specFacts(spec, abi);
  const [iocNew, api] = [f.ioctl('USERFAULTFD_IOC_NEW'), f.ioctl('UFFDIO_API')];
  return iocNew !== undefined && api !== undefined ? { iocNew: iocNew.request, api: api.request, apiSize: api.size } : undefined;
}

/**
 * userfaultfd on the running kernel (specs/userfaultfd), through the native backend. The recipe:
 * each of the two processes opens the node (`/dev/userfaultfd`, or the one `--device` names: the only
 * path its executor may open), asks `USERFAULTFD_IOC_NEW` for a userfaultfd and makes the `UFFDIO_API`
 * handshake (see UserfaultfdProcess); host memory is a real mapping between guard pages, which the
 * ranges and `uffdio_copy.src` may name. userfaultfd annotates no handle kind, so there are no live,
 * stale or foreign handles (the handle property skips itself). The kernel answers an unknown command,
 * and a known one with another size (it dispatches on the whole request number), with EINVAL: see
 * `unknownCommand`, and the README's findings.
 */
export function userfaultfdDevice(node: string = USERFAULTFD_NODE): DeviceUnderTest {
  const pool = new ExecutorPool([node]);
  return {
    name: `userfaultfd on this kernel (native, ${node})`,
    backend: 'native',
    nodes: { compute: node },
    problem(spec) {
      const missing = NEEDS.filter((n) => !spec.ioctls.some((i) => i.name === n));
      return missing.length === 0 ? undefined : `needs ioctl ${missing.join(', ')}, which ${spec.name} ${spec.version} does not define`;
    },
    outOfReach: () => new Set<string>(),
    properties: [],
    compatAddressLimit: {
      errno: E.EINVAL,
      why: 'the range ioctls check start + len against the calling task\'s address space (validate_range(): TASK_SIZE of a 32-bit task is 4 GiB), so a range past 4 GiB is EINVAL from a 32-bit process and ENOENT/EEXIST from a 64-bit one (Linux 6.18.44)',
    },
    unknownCommand: {
      errno: E.EINVAL,
      why: 'userfaultfd_ioctl() and /dev/userfaultfd switch on the whole request number and answer any other with EINVAL (Linux 6.18.44)',
    },
    readsInputPrefixOnly: 'the range ioctls copy in their struct up to the trailing outcome field (copy, zeropage, mapped, updated, move), which they only write (Linux 6.18.44)',
    recipe(o: RecipeOptions) {
      const deviceSpec = o.deviceSpec ?? o.spec;
      const requests = requestsOf(deviceSpec, o.abi);
      if (requests === undefined) return { issues: [issue('DEVICE_SPEC', 'userfaultfd', `${deviceSpec.name} ${deviceSpec.version} has no ${NEEDS.join(' or ')}`)] };
      const counter = o.counter ?? { ioctls: 0 };
      const taken = pool.take(o.abi, 2, node, requests, counter);
      if (taken.processes === undefined) return { issues: taken.issues };
      const processes = taken.processes;
      const instance = new UserfaultfdInstance(deviceSpec, node, () => processes);
      const system = System.over(instance, { spec: o.spec, abi: o.abi, slots: 2, counter });
      const [own, other] = [system.slot(0), system.slot(1)];
      for (const s of [own, other]) {
        const e = system.open(s);
        if (e !== 0) return { issues: [issue('DEVICE_OPEN', node, `${node} could not be opened and handed a userfaultfd (errno ${e}${e === E.EACCES ? ': permission denied; /dev/userfaultfd is mode 0600 unless vm.unprivileged_userfaultfd or a group says otherwise' : ''})`)] };
      }
      const page = 4096;
      const host = system.buffer(own, new Uint8Array(page), { canary: false });
      const none = new Map<string, readonly bigint[]>();
      const stage: Stage = { system, own, other, live: none, stale: none, foreign: none, host: { address: host, size: page, va: 0n }, outOfReach: new Set() };
      return { stage, issues: [] };
    },
  };
}
