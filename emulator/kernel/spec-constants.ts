import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import type { Spec } from '../../harness/core/model/model';

/**
 * The constants of the spec the emulated driver uses, by their C names. Reading them from the spec
 * (not restating them) keeps the emulator and the contract in agreement: a spec that renumbers an op
 * changes what the emulator answers to.
 */
export const CONSTANT_NAMES = [
  'HL_INFO_HW_IP_INFO', 'HL_INFO_HW_EVENTS', 'HL_INFO_DRAM_USAGE', 'HL_INFO_HW_IDLE', 'HL_INFO_DEVICE_STATUS',
  'HL_INFO_DEVICE_UTILIZATION', 'HL_INFO_HW_EVENTS_AGGREGATE', 'HL_INFO_CLK_RATE', 'HL_INFO_RESET_COUNT',
  'HL_INFO_TIME_SYNC', 'HL_INFO_CS_COUNTERS', 'HL_INFO_PCI_COUNTERS', 'HL_INFO_CLK_THROTTLE_REASON',
  'HL_INFO_SYNC_MANAGER', 'HL_INFO_TOTAL_ENERGY', 'HL_INFO_PLL_FREQUENCY', 'HL_INFO_POWER', 'HL_INFO_OPEN_STATS',
  'HL_INFO_DRAM_REPLACED_ROWS', 'HL_INFO_DRAM_PENDING_ROWS', 'HL_INFO_LAST_ERR_OPEN_DEV_TIME',
  'HL_INFO_CS_TIMEOUT_EVENT', 'HL_INFO_RAZWI_EVENT', 'HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES',
  'HL_INFO_SECURED_ATTESTATION', 'HL_INFO_REGISTER_EVENTFD', 'HL_INFO_UNREGISTER_EVENTFD', 'HL_INFO_GET_EVENTS',
  'HL_INFO_UNDEFINED_OPCODE_EVENT', 'HL_INFO_ENGINE_STATUS', 'HL_INFO_PAGE_FAULT_EVENT', 'HL_INFO_USER_MAPPINGS',
  'HL_INFO_FW_GENERIC_REQ', 'HL_INFO_HW_ERR_EVENT', 'HL_INFO_FW_ERR_EVENT', 'HL_INFO_USER_ENGINE_ERR_EVENT',
  'HL_INFO_DEV_SIGNED',
  'HL_CB_OP_CREATE', 'HL_CB_OP_DESTROY', 'HL_CB_OP_INFO', 'HL_MAX_CB_SIZE', 'HL_CB_FLAGS_MAP', 'HL_CB_FLAGS_GET_DEVICE_VA',
  'HL_CS_CHUNK_FLAGS_USER_ALLOC_CB', 'HL_MAX_JOBS_PER_CS', 'HL_CS_STATUS_SUCCESS',
  'HL_CS_FLAGS_FORCE_RESTORE', 'HL_CS_FLAGS_SIGNAL', 'HL_CS_FLAGS_WAIT', 'HL_CS_FLAGS_COLLECTIVE_WAIT',
  'HL_CS_FLAGS_TIMESTAMP', 'HL_CS_FLAGS_STAGED_SUBMISSION', 'HL_CS_FLAGS_STAGED_SUBMISSION_FIRST',
  'HL_CS_FLAGS_STAGED_SUBMISSION_LAST', 'HL_CS_FLAGS_CUSTOM_TIMEOUT', 'HL_CS_FLAGS_SKIP_RESET_ON_TIMEOUT',
  'HL_CS_FLAGS_ENCAP_SIGNALS', 'HL_CS_FLAGS_RESERVE_SIGNALS_ONLY', 'HL_CS_FLAGS_UNRESERVE_SIGNALS_ONLY',
  'HL_CS_FLAGS_ENGINE_CORE_COMMAND', 'HL_CS_FLAGS_FLUSH_PCI_HBW_WRITES', 'HL_CS_FLAGS_ENGINES_COMMAND',
  'HL_WAIT_CS_FLAGS_INTERRUPT', 'HL_WAIT_CS_FLAGS_INTERRUPT_MASK', 'HL_WAIT_CS_FLAGS_MULTI_CS',
  'HL_WAIT_CS_FLAGS_INTERRUPT_KERNEL_CQ', 'HL_WAIT_CS_FLAGS_REGISTER_INTERRUPT', 'HL_WAIT_MULTI_CS_LIST_MAX_LEN',
  'HL_WAIT_CS_STATUS_COMPLETED', 'HL_WAIT_CS_STATUS_BUSY', 'HL_WAIT_CS_STATUS_TIMEDOUT', 'HL_WAIT_CS_STATUS_ABORTED',
  'HL_WAIT_CS_STATUS_FLAG_GONE', 'HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD',
  'HL_MEM_OP_ALLOC', 'HL_MEM_OP_FREE', 'HL_MEM_OP_MAP', 'HL_MEM_OP_UNMAP', 'HL_MEM_OP_MAP_BLOCK',
  'HL_MEM_OP_EXPORT_DMABUF_FD', 'HL_MEM_OP_TS_ALLOC', 'HL_MEM_CONTIGUOUS', 'HL_MEM_SHARED', 'HL_MEM_USERPTR',
  'HL_MEM_FORCE_HINT', 'HL_MEM_PREFETCH', 'TS_MAX_ELEMENTS_NUM',
  'HL_DEBUG_OP_ETR', 'HL_DEBUG_OP_ETF', 'HL_DEBUG_OP_STM', 'HL_DEBUG_OP_FUNNEL', 'HL_DEBUG_OP_BMON',
  'HL_DEBUG_OP_SPMU', 'HL_DEBUG_OP_TIMESTAMP', 'HL_DEBUG_OP_SET_MODE', 'HL_DEBUG_MAX_AUX_VALUES',
  'HL_DEVICE_STATUS_OPERATIONAL', 'HL_DEVICE_STATUS_IN_RESET', 'HL_DEVICE_STATUS_MALFUNCTION',
  'HL_DEVICE_STATUS_NEEDS_RESET', 'HL_DEVICE_STATUS_IN_DEVICE_CREATION', 'HL_DEVICE_STATUS_IN_RESET_AFTER_DEVICE_RELEASE',
  'HL_SERVER_TYPE_UNKNOWN',
  'HL_NOTIFIER_EVENT_CS_TIMEOUT', 'HL_NOTIFIER_EVENT_PAGE_FAULT', 'HL_NOTIFIER_EVENT_UNDEFINED_OPCODE',
  'HL_NOTIFIER_EVENT_DEVICE_RESET',
] as const;

export type ConstantName = (typeof CONSTANT_NAMES)[number];

/** Every constant above as a number (all fit 32 bits unsigned). */
export type SpecConstants = { readonly [N in ConstantName]: number };

// A device is created for every run of every property: the constants of a spec are resolved once.
const resolved = new WeakMap<Spec, { constants?: SpecConstants; issues: readonly Issue[] }>();

/** Resolves the constants from `#define`s and enumerators; each missing one is an issue. */
export function resolveConstants(spec: Spec): { constants?: SpecConstants; issues: Issue[] } {
  let r = resolved.get(spec);
  if (r === undefined) resolved.set(spec, (r = resolveUncached(spec)));
  return { ...(r.constants !== undefined ? { constants: r.constants } : {}), issues: [...r.issues] };
}

function resolveUncached(spec: Spec): { constants?: SpecConstants; issues: Issue[] } {
  const values = new Map<string, bigint>();
  for (const c of spec.constants) values.set(c.name, c.value);
  for (const e of spec.enums) for (const v of e.values) values.set(v.name, v.value);
  const out: Record<string, number> = {};
  const issues: Issue[] = [];
  for (const name of CONSTANT_NAMES) {
    const v = values.get(name);
    if (v === undefined) issues.push(issue('EMULATOR_SPEC_CONSTANT', `constant ${name}`, `the emulator needs ${name}, which spec ${spec.name} ${spec.version} does not define`));
    else out[name] = Number(v);
  }
  return issues.length > 0 ? { issues } : { constants: out as SpecConstants, issues };
}
