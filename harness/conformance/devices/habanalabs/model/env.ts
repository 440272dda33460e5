import type { DeviceConfig } from '../../../../../emulator/device/config';
import { PAGE_SIZE } from '../../../../../emulator/process/address-space';
import { specFacts, type SpecFacts } from '../../../pbt/spec-facts/spec-facts';
import { modelReach, type ModelReach } from './reach';
import { decodePayload, infoCall, type Side } from './real';
import { EMULATED_SCOPE } from './scope';

/**
 * What the model knows of the device: the spec's constants, the hardware facts INFO reports (DRAM page
 * sizes, free DRAM, the first user sync object), and the few facts of the emulated board that the uAPI
 * does not report (queue kinds, the secured register range, the default submission timeout, how many
 * files may open it) from the device configuration the suite chose. An older client's INFO may not
 * report some of the hardware facts (no page sizes before 1.4.0, no sync manager before 1.2.0): for
 * it they are board facts the uAPI does not report, and come from the configuration too.
 */
export interface Env {
  k(name: string): number;
  /** The client's spec on the ABI under test. */
  readonly facts: SpecFacts;
  /** The spec the device implements (the client's own, unless the client is older). */
  readonly device: SpecFacts;
  /** What the client's spec lets the model do. */
  readonly reach: ModelReach;
  readonly pageSize: bigint;
  /** Allocation page sizes the device supports (INFO DEV_MEM_ALLOC_PAGE_SIZES). */
  readonly pageSizes: readonly bigint[];
  readonly dramFree: bigint;
  readonly firstUserSob: number;
  readonly config: DeviceConfig;
  /** Queues a plain submission may use, the one stuck jobs go to, and those users may not use. */
  readonly userQueues: readonly number[];
  readonly stuckQueue: number;
  readonly cpuQueues: readonly number[];
  readonly hostPage: number;
}

/** Bit log2(p) for every power of two p from `min` to `max`: the page sizes of the DRAM allocator. */
function pageOrders(min: number, max: number): bigint {
  let mask = 0n;
  for (let p = min; p <= max; p *= 2) mask |= 1n << BigInt(Math.log2(p));
  return mask;
}

/** Learns the environment through the uAPI (INFO on slot 0 of `side`) and the device configuration. */
export function learnEnv(side: Side): Env {
  const facts = side.system.facts;
  const k = (name: string): number => {
    const v = facts.constant(name);
    if (v === undefined) throw new Error(`the spec has no ${name}`);
    return Number(v);
  };
  const ask = (name: string, payload: string, perOp = 0): Record<string, unknown> => {
    const r = infoCall(side, 0, k(name), 4096, perOp);
    if (r.errno !== 0) throw new Error(`INFO ${name} failed with errno ${r.errno}`);
    return decodePayload(side, payload, r.answer) ?? {};
  };
  const reach = modelReach(facts);
  const config = side.system.device.config;
  const hw = reach.infoHwIp ? ask(EMULATED_SCOPE.infoHwIp, 'hl_info_hw_ip_info') : {};
  const sizes = reach.infoPageSizes ? ask(EMULATED_SCOPE.infoPageSizes, 'hl_info_dev_memalloc_page_sizes') : {};
  const usage = reach.infoDramUsage ? ask(EMULATED_SCOPE.infoDramUsage, 'hl_info_dram_usage') : {};
  const sync = reach.infoSyncManager ? ask(EMULATED_SCOPE.infoSyncManager, 'hl_info_sync_manager') : {};
  // The allocator's page sizes: powers of two from the base page to the largest (as INFO reports them).
  const mask = (sizes['page_order_bitmask'] as bigint | undefined) ?? pageOrders(config.dramPageSize, config.maxDramPageSize);
  const pageSizes: bigint[] = [];
  for (let b = 0n; b < 64n; b++) if ((mask & (1n << b)) !== 0n) pageSizes.push(1n << b);
  const usable = config.queues.filter((q) => q.kind !== 'cpu').map((q) => q.id);
  const stuckQueue = usable[usable.length - 1] ?? 0;
  return {
    k, facts, device: specFacts(side.system.device.spec, side.system.abi), reach,
    pageSize: (hw['dram_page_size'] as bigint | undefined) ?? BigInt(config.dramPageSize),
    pageSizes,
    // No INFO DRAM_USAGE for the client: the device's own books (as the invariants read them).
    dramFree: (usage['dram_free_mem'] as bigint | undefined) ?? BigInt(side.system.device.dram.freeBytes),
    firstUserSob: (sync['first_available_sync_object'] as number | undefined) ?? config.firstUserSyncObject,
    config,
    userQueues: usable.filter((q) => q !== stuckQueue),
    stuckQueue,
    cpuQueues: config.queues.filter((q) => q.kind === 'cpu').map((q) => q.id),
    hostPage: PAGE_SIZE,
  };
}
