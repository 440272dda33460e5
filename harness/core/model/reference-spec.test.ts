import test from 'ava';
import { spec } from '../../../specs/habanalabs/spec';
import { findAbi, type Abi } from '../layout/abi';
import { layoutEngine } from '../layout/engine';
import { ioctlViews } from '../layout/spec-layout';
import type { Member, RecordDecl, TypeNode } from './model';
import { SCALARS } from './scalars';
import { validateSpec } from './validate';

// The reference spec of the habanalabs uAPI (Linux 6.12) against the facts of
// shared/habanalabs-history.md. Field-by-field agreement with the real header is for clang to judge
// (`uapi verify-layout`); these tests pin the published facts and the spec's own invariants.

function abi(name: string): Abi {
  const a = findAbi(name);
  if (a === undefined) throw new Error(`ABI ${name} is not in the ABI table`);
  return a;
}

/** 6.12 sizes in bytes, x86_64 and i386 alike (history table and INFO opcode list). */
const SIZES_6_12: Readonly<Record<string, number>> = {
  hl_info_args: 24,
  hl_cb_args: 24,
  hl_cs_args: 48,
  hl_wait_cs_args: 56,
  hl_mem_args: 40,
  hl_debug_args: 40,
  hl_info_hw_ip_info: 304,
  hl_info_dram_usage: 16,
  hl_info_hw_idle: 40,
  hl_info_device_status: 8,
  hl_info_device_utilization: 8,
  hl_info_clk_rate: 8,
  hl_info_reset_count: 8,
  hl_info_time_sync: 24,
  hl_info_cs_counters: 96,
  hl_info_pci_counters: 24,
  hl_info_clk_throttle: 40,
  hl_info_sync_manager: 16,
  hl_info_energy: 8,
  hl_pll_frequency_info: 8,
  hl_power_info: 8,
  hl_open_stats_info: 24,
  hl_info_razwi_event: 280,
};

test('the reference spec validates with no issue', (t) => {
  t.deepEqual(validateSpec(spec), []);
});

for (const abiName of ['x86_64', 'i386']) {
  test(`${abiName}: argument and INFO struct sizes are the 6.12 facts`, (t) => {
    const engine = layoutEngine(spec, abi(abiName));
    const actual = Object.fromEntries(Object.keys(SIZES_6_12).map((name) => [name, engine.record(name).size]));
    t.deepEqual(actual, SIZES_6_12);
  });
}

// _IOWR('d', 0x40 + index, T) per the design doc's encoding table:
// asm-generic: dir READ|WRITE = 2|1 = 3 in 2 bits at shift 30, size in 14 bits at shift 16;
// powerpc: dir READ|WRITE = 2|4 = 6 in 3 bits at shift 29, size in 13 bits at shift 16.
// Both put 0b11 in bits 31..30 for a read-write command, so the numbers coincide for these sizes.
const REQUESTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  x86_64: {
    DRM_IOCTL_HL_INFO: (3 << 30 | 24 << 16 | 0x64 << 8 | 0x40) >>> 0,
    DRM_IOCTL_HL_CB: (3 << 30 | 24 << 16 | 0x64 << 8 | 0x41) >>> 0,
    DRM_IOCTL_HL_CS: (3 << 30 | 48 << 16 | 0x64 << 8 | 0x42) >>> 0,
    DRM_IOCTL_HL_WAIT_CS: (3 << 30 | 56 << 16 | 0x64 << 8 | 0x43) >>> 0,
    DRM_IOCTL_HL_MEMORY: (3 << 30 | 40 << 16 | 0x64 << 8 | 0x44) >>> 0,
    DRM_IOCTL_HL_DEBUG: (3 << 30 | 40 << 16 | 0x64 << 8 | 0x45) >>> 0,
  },
  ppc64le: {
    DRM_IOCTL_HL_INFO: (6 << 29 | 24 << 16 | 0x64 << 8 | 0x40) >>> 0,
    DRM_IOCTL_HL_CB: (6 << 29 | 24 << 16 | 0x64 << 8 | 0x41) >>> 0,
    DRM_IOCTL_HL_CS: (6 << 29 | 48 << 16 | 0x64 << 8 | 0x42) >>> 0,
    DRM_IOCTL_HL_WAIT_CS: (6 << 29 | 56 << 16 | 0x64 << 8 | 0x43) >>> 0,
    DRM_IOCTL_HL_MEMORY: (6 << 29 | 40 << 16 | 0x64 << 8 | 0x44) >>> 0,
    DRM_IOCTL_HL_DEBUG: (6 << 29 | 40 << 16 | 0x64 << 8 | 0x45) >>> 0,
  },
};

test('the table-derived x86_64 numbers are the published ones', (t) => {
  // shared/habanalabs-history.md: INFO 0xc0186440 ... DEBUG 0xc0286445.
  t.deepEqual(Object.values(REQUESTS['x86_64'] ?? {}), [0xc0186440, 0xc0186441, 0xc0306442, 0xc0386443, 0xc0286444, 0xc0286445]);
});

for (const [abiName, expected] of Object.entries(REQUESTS)) {
  test(`${abiName}: the six request numbers`, (t) => {
    const views = ioctlViews(spec, layoutEngine(spec, abi(abiName)));
    t.deepEqual(Object.fromEntries(views.map((v) => [v.name, v.request])), expected);
  });
}

test('each ioctl is DRM_IOWR(DRM_COMMAND_BASE + HL_IOCTL_x) with type d', (t) => {
  const index = new Map(spec.constants.filter((c) => c.group === 'hl_ioctl_index').map((c) => [c.name, Number(c.value)]));
  t.is(index.size, 6);
  for (const i of spec.ioctls) {
    const own = index.get(i.name.replace(/^DRM_IOCTL_HL_/, 'HL_IOCTL_'));
    t.not(own, undefined, `${i.name} has no HL_IOCTL_* index`);
    t.is(i.nr, 0x40 + (own ?? -1), i.name);
    t.is(i.type, 'd'.charCodeAt(0), i.name);
    t.is(i.dir, 'rw', i.name);
  }
});

test('every ioctl is size-extensible and ignores a longer tail, as the DRM core does', (t) => {
  t.is(spec.ioctls.length, 6);
  for (const i of spec.ioctls) {
    t.true(i.sizeExtensible === true, `${i.name} is not size-extensible`);
    t.is(i.tail, 'ignore', i.name);
  }
});

/** Every member of a record, anonymous members' included, with a C-like path. */
function membersDeep(r: RecordDecl, path: string): { path: string; member: Member }[] {
  return r.members.flatMap((m, i) => {
    const here = `${path}.${m.name ?? `<anonymous #${i}>`}`;
    const inner = m.type.kind === 'record' ? membersDeep(m.type.record, here) : [];
    return [{ path: here, member: m }, ...inner];
  });
}

function isIntegerOrIntegerArray(t: TypeNode): boolean {
  if (t.kind === 'array') return isIntegerOrIntegerArray(t.element);
  return t.kind === 'scalar' && !SCALARS[t.name].float;
}

test('every pad or reserved field is an integer or an integer array', (t) => {
  const marked = spec.records.flatMap((r) => membersDeep(r, r.name ?? '<anonymous>'))
    .filter(({ member }) => member.annotations?.role !== undefined);
  for (const { path, member } of marked) t.true(isIntegerOrIntegerArray(member.type), `${path} is not an integer (array)`);
  const paths = new Set(marked.map((m) => m.path));
  // Spot checks that the walk reaches top-level, nested-anonymous and array pad/reserved fields.
  for (const p of ['hl_info_args.pad', 'hl_cs_in.pad', 'hl_info_hw_ip_info.reserved9', 'hl_cs_chunk.pad']) t.true(paths.has(p), p);
  t.true([...paths].some((p) => p.startsWith('hl_wait_cs_in.<anonymous') && p.endsWith('.pad')), 'hl_wait_cs_in multi-CS pad');
});

test('every INFO opcode with a struct answer names it as payload', (t) => {
  const payloads = Object.fromEntries(spec.constants.filter((c) => c.group === 'hl_info_op' && c.payload !== undefined)
    .map((c) => [c.name, c.payload]));
  t.like(payloads, {
    HL_INFO_HW_IP_INFO: 'hl_info_hw_ip_info',
    HL_INFO_DRAM_USAGE: 'hl_info_dram_usage',
    HL_INFO_HW_IDLE: 'hl_info_hw_idle',
    HL_INFO_DEVICE_STATUS: 'hl_info_device_status',
    HL_INFO_DEVICE_UTILIZATION: 'hl_info_device_utilization',
    HL_INFO_CLK_RATE: 'hl_info_clk_rate',
    HL_INFO_RESET_COUNT: 'hl_info_reset_count',
    HL_INFO_TIME_SYNC: 'hl_info_time_sync',
    HL_INFO_CS_COUNTERS: 'hl_info_cs_counters',
    HL_INFO_PCI_COUNTERS: 'hl_info_pci_counters',
    HL_INFO_CLK_THROTTLE_REASON: 'hl_info_clk_throttle',
    HL_INFO_SYNC_MANAGER: 'hl_info_sync_manager',
    HL_INFO_TOTAL_ENERGY: 'hl_info_energy',
    HL_INFO_PLL_FREQUENCY: 'hl_pll_frequency_info',
    HL_INFO_POWER: 'hl_power_info',
    HL_INFO_OPEN_STATS: 'hl_open_stats_info',
    HL_INFO_RAZWI_EVENT: 'hl_info_razwi_event',
    HL_INFO_UNDEFINED_OPCODE_EVENT: 'hl_info_undefined_opcode_event',
    HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES: 'hl_info_dev_memalloc_page_sizes',
  });
});
