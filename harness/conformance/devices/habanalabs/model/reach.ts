import type { SpecFacts } from '../../../pbt/spec-facts/spec-facts';
import type { Op } from './commands/data';
import { EMULATED_SCOPE } from './scope';

/**
 * What the client's spec lets the model do. An older client (a frozen release's spec against the
 * current driver) lacks later ops, flags and fields: the commands and command variants that need
 * them are not generated, and the expectations that read a field the client's struct does not have
 * are not made. With the current spec everything is in reach.
 */
export interface ModelReach {
  /** Commands the client can make (the bare minimum and those whose names it defines). */
  readonly ops: ReadonlySet<Op>;
  /** CB create with HL_CB_FLAGS_MAP (the flag, and hl_cb_in.flags to carry it). */
  readonly cbMap: boolean;
  /** A mapped CB's device address, by CB INFO with HL_CB_FLAGS_GET_DEVICE_VA. */
  readonly cbDeviceVa: boolean;
  /** MEM alloc with a page size (hl_mem_in.alloc.page_size). */
  readonly allocPageSize: boolean;
  /** MEM alloc of physically contiguous memory (HL_MEM_CONTIGUOUS). */
  readonly allocContiguous: boolean;
  /** The flags of a plain submission the client defines, HL_CS_FLAGS_CUSTOM_TIMEOUT aside (it has its own variant). */
  readonly csFlags: readonly string[];
  /** A custom submission timeout (HL_CS_FLAGS_CUSTOM_TIMEOUT and hl_cs_in.timeout). */
  readonly csTimeout: boolean;
  /** WAIT_CS answers with flags and a timestamp (hl_wait_cs_out.flags, timestamp_nsec, FLAG_TIMESTAMP_VLD). */
  readonly waitStamp: boolean;
  /** INFO carries a per-op input word after `op` (period_ms, and dcore_id / pll_index at the same bytes). */
  readonly infoPerOp: boolean;
  /** INFO opcodes the model learns facts from, when the client has them (otherwise the device configuration says). */
  readonly infoHwIp: boolean;
  readonly infoPageSizes: boolean;
  readonly infoDramUsage: boolean;
  readonly infoSyncManager: boolean;
}

const CB = 'DRM_IOCTL_HL_CB';
const CS = 'DRM_IOCTL_HL_CS';
const WAIT = 'DRM_IOCTL_HL_WAIT_CS';
const MEM = 'DRM_IOCTL_HL_MEMORY';
const INFO = 'DRM_IOCTL_HL_INFO';

/** Ioctls and names without which the model cannot run at all: CB create/destroy, CS, WAIT_CS, MEMORY alloc/free. */
const BARE_IOCTLS = [CB, CS, WAIT, MEM];
const BARE_NAMES = [
  'HL_CB_OP_CREATE', 'HL_CB_OP_DESTROY', 'HL_MAX_CB_SIZE', 'HL_MEM_OP_ALLOC', 'HL_MEM_OP_FREE', 'HL_MAX_JOBS_PER_CS',
  'HL_CS_STATUS_SUCCESS', 'HL_WAIT_CS_STATUS_COMPLETED', 'HL_WAIT_CS_STATUS_BUSY', 'HL_WAIT_CS_STATUS_TIMEDOUT',
  'HL_WAIT_CS_STATUS_ABORTED',
];

/** The bare-minimum ioctls and names the client's spec lacks (the model is skipped when there is any). */
export function bareMinimumMissing(facts: SpecFacts): string[] {
  return [...BARE_IOCTLS.filter((n) => facts.ioctl(n) === undefined), ...BARE_NAMES.filter((n) => facts.constant(n) === undefined)];
}

const defines = (facts: SpecFacts, ...names: readonly string[]): boolean => names.every((n) => facts.constant(n) !== undefined);

/** Whether the client's record for the ioctl (`in` or `out`) has a field `key`. */
function hasField(facts: SpecFacts, ioctl: string, side: 'input' | 'output', key: string): boolean {
  return facts.ioctl(ioctl)?.[side]?.sites.some((s) => s.key === key) === true;
}

export function modelReach(facts: SpecFacts): ModelReach {
  const info = facts.ioctl(INFO) !== undefined && facts.group('hl_info_op') !== undefined;
  const infoOp = (name: string): boolean => info && defines(facts, name);
  const memMap = defines(facts, 'HL_MEM_OP_MAP');
  const cbInfo = defines(facts, 'HL_CB_OP_INFO');
  const waitMulti = defines(facts, 'HL_WAIT_CS_FLAGS_MULTI_CS', 'HL_WAIT_MULTI_CS_LIST_MAX_LEN')
    && hasField(facts, WAIT, 'input', 'seq_arr_len') && hasField(facts, WAIT, 'output', 'cs_completion_map');
  const ops: Op[] = ['open', 'close', 'cbCreate', 'cbDestroy', 'memAlloc', 'memFree', 'submit', 'wait'];
  if (cbInfo) ops.push('cbInfo');
  if (memMap) ops.push('mapDevice');
  if (memMap && defines(facts, 'HL_MEM_USERPTR')) ops.push('mapHost');
  if (defines(facts, 'HL_MEM_OP_UNMAP')) ops.push('unmap');
  if (waitMulti) ops.push('waitMulti');
  if (info) ops.push('info');
  const cbMap = defines(facts, 'HL_CB_FLAGS_MAP') && hasField(facts, CB, 'input', 'flags');
  return {
    ops: new Set(ops),
    cbMap,
    cbDeviceVa: cbMap && cbInfo && defines(facts, 'HL_CB_FLAGS_GET_DEVICE_VA'),
    allocPageSize: hasField(facts, MEM, 'input', 'page_size'),
    allocContiguous: defines(facts, 'HL_MEM_CONTIGUOUS'),
    csFlags: EMULATED_SCOPE.csFlagsSupported.filter((n) => n !== 'HL_CS_FLAGS_CUSTOM_TIMEOUT' && defines(facts, n)),
    csTimeout: defines(facts, 'HL_CS_FLAGS_CUSTOM_TIMEOUT') && hasField(facts, CS, 'input', 'timeout'),
    waitStamp: defines(facts, 'HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD') && hasField(facts, WAIT, 'output', 'flags') && hasField(facts, WAIT, 'output', 'timestamp_nsec'),
    infoPerOp: hasField(facts, INFO, 'input', 'period_ms'),
    infoHwIp: infoOp(EMULATED_SCOPE.infoHwIp),
    infoPageSizes: infoOp(EMULATED_SCOPE.infoPageSizes),
    infoDramUsage: infoOp(EMULATED_SCOPE.infoDramUsage),
    infoSyncManager: infoOp(EMULATED_SCOPE.infoSyncManager),
  };
}
