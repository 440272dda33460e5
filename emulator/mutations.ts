/**
 * Behavioural mutations: deliberate driver bugs that can be switched on when a device is created, so
 * that a test suite can show it notices them (mutation testing of the property suite). Each has a
 * stable id, the behaviour rule of the design doc it breaks, the file where it is checked, and what
 * changes. All are off by default; a check costs one property read of a frozen object.
 */
export const MUTATIONS = {
  'skip-pad-check': { rule: 'D1', point: 'kernel/arg-checks.ts', doc: 'Non-zero pad and reserved input fields are accepted.' },
  'accept-unknown-flags': { rule: 'D2', point: 'kernel/arg-checks.ts', doc: 'Flag fields accept bits outside their flag group.' },
  'unknown-ioctl-einval': { rule: 'D3', point: 'kernel/entry.ts', doc: 'An unknown type or nr gives EINVAL instead of ENOTTY.' },
  'no-zero-extend': { rule: 'D4', point: 'kernel/entry.ts', doc: 'A shorter argument is not zero-extended: the bytes after it are what the previous ioctl left in the kernel buffer.' },
  'copy-back-driver-size': { rule: 'D4', point: 'kernel/entry.ts', doc: 'The driver\'s struct size is copied back instead of the caller\'s: a shorter caller struct is overrun.' },
  'reject-longer-tail': { rule: 'D4', point: 'kernel/entry.ts', doc: 'Non-zero bytes beyond the driver\'s struct give E2BIG although the spec says they are ignored.' },
  'ignore-copy-fault': { rule: 'D14', point: 'kernel/entry.ts', doc: 'An unreadable argument is read as zeros instead of failing with EFAULT.' },
  'dma-bound-off-by-one': { rule: 'security', point: 'device/cs-parser.ts', doc: 'A LIN_DMA may end one byte past its mapping.' },
  'skip-dma-check': { rule: 'security', point: 'device/cs-parser.ts', doc: 'LIN_DMA addresses are not checked at submission; a bad one faults on the device later.' },
  'mmu-global-lookup': { rule: 'security', point: 'device/context.ts', doc: 'Device addresses are translated through every context\'s mappings: one context can reach another\'s memory.' },
  'allow-secured-register-write': { rule: 'security', point: 'device/cs-parser.ts', doc: 'WREG_32 to a secured register and MSG_PROT are accepted from user command buffers.' },
  'accept-unknown-packet': { rule: 'security', point: 'device/cs-parser.ts', doc: 'Unknown packet opcodes are skipped instead of rejected.' },
  'skip-output-zeroing': { rule: 'D12', point: 'ioctls/info/answer.ts', doc: 'INFO answers are built in a buffer that is not cleared: pad and reserved bytes carry stale kernel data.' },
  'ignore-return-size': { rule: 'D5', point: 'ioctls/info/answer.ts', doc: 'INFO copies its whole answer whatever return_size says.' },
  'shared-handle-namespace': { rule: 'D10', point: 'device/handle-table.ts', doc: 'Handles are looked up device-wide: one file can use another file\'s command buffers and memory.' },
  'stale-handle-enoent': { rule: 'D14', point: 'kernel/ioctl-call.ts', doc: 'An unknown handle gives ENOENT instead of the spec\'s EINVAL.' },
  'no-free-on-close': { rule: 'D10', point: 'device/release-context.ts', doc: 'Closing a file does not free its device memory.' },
  'no-scrub-on-free': { rule: 'security', point: 'device/device.ts', doc: 'Freed device memory keeps its contents: the next allocation, of any context, can read them.' },
  'cb-size-unchecked': { rule: 'D5', point: 'ioctls/cb.ts', doc: 'HL_CB_OP_CREATE accepts sizes above HL_MAX_CB_SIZE.' },
  'chunk-count-unchecked': { rule: 'D5', point: 'ioctls/cs.ts', doc: 'num_chunks_execute and num_chunks_restore are not limited to HL_MAX_JOBS_PER_CS.' },
  'alloc-size-wraps': { rule: 'D5', point: 'ioctls/memory.ts', doc: 'Rounding mem_size up to the page size wraps at 2^64: a huge request allocates almost nothing and succeeds.' },
  'wait-ignores-timeout': { rule: 'D8', point: 'ioctls/wait-cs.ts', doc: 'WAIT_CS waits until the submission ends (or the device times it out), whatever timeout_us says.' },
  'eintr-not-restartable': { rule: 'D7', point: 'ioctls/wait-cs.ts', doc: 'An interrupted WAIT_CS forgets the submission: the restarted call reports it gone.' },
  'unmap-keeps-mmu-entry': { rule: 'security', point: 'ioctls/memory.ts', doc: 'HL_MEM_OP_UNMAP succeeds but leaves the MMU mapping: a submission after unmap still reaches the memory.' },
  'free-while-mapped': { rule: 'security', point: 'ioctls/memory.ts', doc: 'HL_MEM_OP_FREE frees an allocation that is still mapped; the mapping then reaches pages the next allocation gets.' },
  'utilization-period-unchecked': { rule: 'D9', point: 'ioctls/info/device-ops.ts', doc: 'HL_INFO_DEVICE_UTILIZATION does not check period_ms (100..1000 in steps of 100).' },
  'timeout-wraps': { rule: 'D9', point: 'ioctls/cs.ts', doc: 'hl_cs_in.timeout is turned into milliseconds in 32-bit arithmetic, as `timeout * 1000` on a __u32 would, and wraps.' },
  'exclusive-open-unchecked': { rule: 'D10', point: 'device/device.ts', doc: 'A second compute open succeeds instead of EBUSY.' },
  'multi-cs-len-unchecked': { rule: 'D5', point: 'ioctls/wait-cs.ts', doc: 'MULTI_CS seq_arr_len is not limited to HL_WAIT_MULTI_CS_LIST_MAX_LEN.' },
} as const;

export type MutationId = keyof typeof MUTATIONS;
export const MUTATION_IDS: readonly MutationId[] = Object.keys(MUTATIONS) as MutationId[];

/** Which mutations are on. Frozen; every id is present, so a check is one property read. */
export type Mutations = { readonly [K in MutationId]: boolean };

/** The set with exactly `on` switched on. */
export function mutationSet(on: Iterable<MutationId> = []): Mutations {
  const m = Object.fromEntries(MUTATION_IDS.map((id) => [id, false])) as { [K in MutationId]: boolean };
  for (const id of on) m[id] = true;
  return Object.freeze(m);
}

export const NO_MUTATIONS: Mutations = mutationSet();

/** Reads mutation ids given as strings (a command line, a failure file); unknown ids come back apart. */
export function parseMutations(ids: Iterable<string>): { mutations: Mutations; unknown: string[] } {
  const known: MutationId[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    if (Object.prototype.hasOwnProperty.call(MUTATIONS, id)) known.push(id as MutationId);
    else unknown.push(id);
  }
  return { mutations: mutationSet(known), unknown };
}
