import type { DeviceConfig } from '../../../emulator/device/config';
import { PAGE_SIZE } from '../../../emulator/process/address-space';
import type { SpecFacts } from '../spec-facts/spec-facts';
import { decodePayload, infoCall, type Side } from './real';
import { EMULATED_SCOPE } from './scope';

/** Names the model needs from the spec (besides those of the scope table). */
const NEEDED = [
  'HL_CB_OP_CREATE', 'HL_CB_OP_DESTROY', 'HL_CB_OP_INFO', 'HL_CB_FLAGS_MAP', 'HL_CB_FLAGS_GET_DEVICE_VA', 'HL_MAX_CB_SIZE',
  'HL_MEM_OP_ALLOC', 'HL_MEM_OP_FREE', 'HL_MEM_OP_MAP', 'HL_MEM_OP_UNMAP', 'HL_MEM_USERPTR', 'HL_MEM_CONTIGUOUS',
  'HL_MAX_JOBS_PER_CS', 'HL_CS_FLAGS_CUSTOM_TIMEOUT', 'HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT', 'HL_CS_FLAGS_TIMESTAMP', 'HL_CS_STATUS_SUCCESS',
  'HL_WAIT_CS_FLAGS_MULTI_CS', 'HL_WAIT_MULTI_CS_LIST_MAX_LEN', 'HL_WAIT_CS_STATUS_COMPLETED', 'HL_WAIT_CS_STATUS_BUSY',
  'HL_WAIT_CS_STATUS_TIMEDOUT', 'HL_WAIT_CS_STATUS_ABORTED', 'HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD', 'HL_DEVICE_STATUS_OPERATIONAL',
] as const;

/**
 * What the model knows of the device: the spec's constants, the hardware facts INFO reports (DRAM page
 * sizes, free DRAM, the first user sync object), and the few facts of the emulated board that the uAPI
 * does not report (queue kinds, the secured register range, the default submission timeout, how many
 * files may open it) from the device configuration the suite chose.
 */
export interface Env {
  k(name: string): number;
  readonly facts: SpecFacts;
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

/** Spec names the model needs that the spec does not define. */
export function missingNames(facts: SpecFacts): string[] {
  const scopeNames = Object.values(EMULATED_SCOPE).flatMap((v) => (typeof v === 'string' ? [v] : [...v])).filter((n) => /^HL_/.test(n));
  return [...NEEDED, ...scopeNames].filter((n) => facts.constant(n) === undefined);
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
  const hw = ask(EMULATED_SCOPE.infoHwIp, 'hl_info_hw_ip_info');
  const sizes = ask(EMULATED_SCOPE.infoPageSizes, 'hl_info_dev_memalloc_page_sizes');
  const usage = ask(EMULATED_SCOPE.infoDramUsage, 'hl_info_dram_usage');
  const sync = ask(EMULATED_SCOPE.infoSyncManager, 'hl_info_sync_manager');
  const mask = sizes['page_order_bitmask'] as bigint;
  const pageSizes: bigint[] = [];
  for (let b = 0n; b < 64n; b++) if ((mask & (1n << b)) !== 0n) pageSizes.push(1n << b);
  const config = side.system.device.config;
  const usable = config.queues.filter((q) => q.kind !== 'cpu').map((q) => q.id);
  const stuckQueue = usable[usable.length - 1] ?? 0;
  return {
    k, facts,
    pageSize: hw['dram_page_size'] as bigint,
    pageSizes,
    dramFree: usage['dram_free_mem'] as bigint,
    firstUserSob: sync['first_available_sync_object'] as number,
    config,
    userQueues: usable.filter((q) => q !== stuckQueue),
    stuckQueue,
    cpuQueues: config.queues.filter((q) => q.kind === 'cpu').map((q) => q.id),
    hostPage: PAGE_SIZE,
  };
}
