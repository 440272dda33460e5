import { issue, type Issue } from '../../../core/diagnostics/issue';
import type { Abi } from '../../../core/layout/abi';
import { NativeProcess } from '../../../userspace/native/native-process';
import type { IoctlCounter } from '../../pbt/world/session-hook';
import { UserfaultfdProcess, type UserfaultfdRequests } from './userfaultfd-process';

/**
 * Native executors kept for the life of this Node process, per ABI, reused round-robin: a property
 * builds a fresh stage for every generated case, and starting two executors per case would cost
 * more than the calls themselves. POOL executors per ABI let the two stages a comparison holds at
 * once (a baseline and a variant, two ABIs) stay valid while the next is built; an executor is reset
 * (its files closed, its mappings unmapped) before it serves the next stage, and replaced when it
 * has died.
 */
const POOL = 4;

export class ExecutorPool {
  private readonly pools = new Map<string, { native: NativeProcess; user?: UserfaultfdProcess }[]>();
  private cursor = 0;

  constructor(private readonly allow: readonly string[]) {}

  /** `count` processes of `abi` (fresh files, no mappings), or why there are none. */
  take(abi: Abi, count: number, node: string, requests: UserfaultfdRequests, counter: IoctlCounter): { processes?: UserfaultfdProcess[]; issues: Issue[] } {
    const host = NativeProcess.hostAbi();
    if (abi.name !== host && !(abi.name === 'i386' && host === 'x86_64')) {
      return { issues: [issue('NATIVE_ABI_UNAVAILABLE', 'native executor', `the native backend calls as this host's ABI (${host ?? process.arch})${host === 'x86_64' ? ' or i386' : ''}, not ${abi.name}`)] };
    }
    let pool = this.pools.get(abi.name);
    if (pool === undefined) {
      pool = [];
      this.pools.set(abi.name, pool);
    }
    const out: UserfaultfdProcess[] = [];
    for (let i = 0; i < count; i++) {
      const at = this.cursor++ % POOL;
      let entry = pool[at];
      if (entry !== undefined && entry.user?.reset() === false) {
        entry.native.exit();
        entry = undefined;
      }
      if (entry === undefined) {
        const s = NativeProcess.start({ allow: this.allow, ...(abi.name === 'i386' && host !== 'i386' ? { build: { abi: 'i386' as const } } : {}) });
        if (!s.ok) return { issues: [...s.issues] };
        entry = { native: s.process };
        pool[at] = entry;
      }
      entry.user = new UserfaultfdProcess(entry.native, node, requests, counter);
      out.push(entry.user);
    }
    return { processes: out, issues: [] };
  }
}
