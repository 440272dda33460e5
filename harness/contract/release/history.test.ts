import * as fs from 'node:fs';
import * as path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { inc as semverInc } from 'semver';
import { spec as current } from '../../../specs/habanalabs/spec';
import { spec as v1_0 } from '../../../specs/habanalabs/history/v1.0.0';
import { spec as v1_1 } from '../../../specs/habanalabs/history/v1.1.0';
import { spec as v1_2 } from '../../../specs/habanalabs/history/v1.2.0';
import { spec as v1_3 } from '../../../specs/habanalabs/history/v1.3.0';
import { diffSpecs, type PolicyName } from '../diff';
import { parseAbiList } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import { ioctlViews } from '../../core/layout/spec-layout';
import { toCanonical } from '../../core/model/canonical';
import type { Spec } from '../../core/model/model';
import { runCliCaptured } from '../../testing/run-cli-captured';

// The release history of the reference uAPI (specs/habanalabs/history): four earlier versions, each a
// compatible step of the real evolution, then the current spec. Every step, and every old version
// against the current one (old userspace on the new core, statically), must be compatible on all
// eight ABIs under both policies, and must show the rules that name the kernel pattern it models.

const abis = parseAbiList('all').abis;
const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function diff(from: Spec, to: Spec, policy: PolicyName) {
  return diffSpecs({ spec: from, label: from.version, headerMode: false }, { spec: to, label: to.version, headerMode: false }, { abis, policy });
}

const key = (c: { rule: string; subject: string }): string => `${c.rule} ${c.subject}`;

interface Step {
  readonly from: Spec;
  readonly to: Spec;
  /** `RULE subject` changes the step must show, each on all eight ABIs. */
  readonly shows: readonly string[];
}

const steps: readonly Step[] = [
  {
    from: v1_0, to: v1_1, shows: [
      'IOCTL_ADDED ioctl DRM_IOCTL_HL_DEBUG',
      'TYPE_ADDED struct hl_debug_args',
      'OPCODE_ADDED constant HL_IOCTL_DEBUG',
      'CONSTANT_SENTINEL_MOVED constant HL_COMMAND_END',
      'PAD_GIVEN_MEANING struct hl_info_hw_idle.busy_engines_mask',
      'OPCODE_ADDED constant HL_INFO_DEVICE_UTILIZATION',
      'OPCODE_ADDED constant HL_INFO_HW_EVENTS_AGGREGATE',
      'UNION_MEMBER_ADDED struct hl_info_args.period_ms',
      'ENUM_ADDED enum goya_engine_id',
    ],
  },
  {
    from: v1_1, to: v1_2, shows: [
      'PAD_GIVEN_MEANING struct hl_cb_in.flags',
      'PAD_GIVEN_MEANING union hl_cb_args.in.flags',
      'FLAG_ADDED constant HL_CB_FLAGS_MAP',
      'STRUCT_GROWN_AT_END struct hl_info_hw_idle',
      'FIELD_APPENDED struct hl_info_hw_idle.busy_engines_mask_ext',
      'STRUCT_GROWN_AT_END struct hl_info_hw_ip_info',
      'PAD_GIVEN_MEANING struct hl_info_hw_ip_info.module_id',
      'RESERVED_RENUMBERED struct hl_info_hw_ip_info.reserved',
      'FIELD_APPENDED struct hl_info_hw_ip_info.card_name',
      'OPCODE_ADDED constant HL_INFO_CS_COUNTERS',
      'UNION_MEMBER_ADDED struct hl_info_args.dcore_id',
      'UNION_MEMBER_ADDED struct hl_cs_chunk.signal_seq_arr',
      'FLAG_ADDED constant HL_CS_FLAGS_SIGNAL',
      'ENUM_ADDED enum gaudi_queue_id',
    ],
  },
  {
    from: v1_2, to: v1_3,
    shows: [
      'IOCTL_SIZE_EXTENDED ioctl DRM_IOCTL_HL_WAIT_CS',
      'STRUCT_GROWN_AT_END struct hl_wait_cs_in',
      'PAD_GIVEN_MEANING struct hl_wait_cs_in.flags',
      'UNION_MEMBER_ADDED struct hl_wait_cs_in.addr',
      'FIELD_APPENDED struct hl_wait_cs_in.seq_arr_len',
      'PAD_GIVEN_MEANING struct hl_wait_cs_out.flags',
      'STRUCT_GROWN_AT_END struct hl_cs_out',
      'PAD_GIVEN_MEANING struct hl_cs_out.sob_base_addr_offset',
      'UNION_MEMBER_ADDED struct hl_cs_out.handle_id',
      'PAD_GIVEN_MEANING struct hl_cs_in.seq',
      'PAD_GIVEN_MEANING struct hl_cs_in.timeout',
      'PAD_GIVEN_MEANING struct hl_cs_chunk.collective_engine_id',
      'FLAG_ADDED constant HL_CS_FLAGS_ENCAP_SIGNALS',
      'PAD_GIVEN_MEANING struct hl_info_hw_ip_info.first_available_interrupt_id',
      'RESERVED_RENUMBERED struct hl_info_hw_ip_info.reserved3',
      'ARRAY_EXTENDED struct hl_info_hw_idle.busy_engines_mask_ext',
      'STRUCT_GROWN_AT_END struct hl_info_clk_throttle',
      'OPCODE_ADDED constant HL_INFO_PLL_FREQUENCY',
      'OPCODE_ADDED constant HL_MEM_OP_MAP_BLOCK',
      'CONSTANT_ADDED constant GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT',
      'ENUMERATOR_APPENDED enum hl_device_status.HL_DEVICE_STATUS_NEEDS_RESET',
    ],
  },
  {
    from: v1_3, to: current,
    shows: [
      'IOCTL_SIZE_EXTENDED ioctl DRM_IOCTL_HL_WAIT_CS',
      'STRUCT_GROWN_AT_END union hl_wait_cs_args',
      'FIELD_APPENDED struct hl_wait_cs_in.timestamp_handle',
      'PAD_GIVEN_MEANING struct hl_mem_in.num_of_elements',
      'UNION_MEMBER_ADDED struct hl_cs_in.engine_cores',
      'UNION_MEMBER_ADDED union hl_cs_args.in.core_command',
      'UNION_MEMBER_ADDED struct hl_cb_out.device_va',
      'STRUCT_GROWN_AT_END struct hl_info_hw_ip_info',
      'PAD_GIVEN_MEANING struct hl_info_hw_ip_info.decoder_enabled_mask',
      'PAD_GIVEN_MEANING struct hl_info_hw_ip_info.server_type',
      'PAD_GIVEN_MEANING struct hl_info_hw_ip_info.security_enabled',
      'RESERVED_RENUMBERED struct hl_info_hw_ip_info.reserved2',
      'ARRAY_EXTENDED struct hl_info_hw_idle.busy_engines_mask_ext',
      'PAD_GIVEN_MEANING struct hl_debug_params_bmon.control',
      'ENUM_SENTINEL_MOVED enum hl_device_status.HL_DEVICE_STATUS_LAST',
      'OPCODE_ADDED constant HL_INFO_RAZWI_EVENT',
      'FLAG_ADDED constant HL_CS_FLAGS_ENGINE_CORE_COMMAND',
      'FLAG_ADDED constant HL_WAIT_CS_FLAGS_REGISTER_INTERRUPT',
    ],
  },
];

/** Old userspace on the new core: an old version straight to the current one. */
const toCurrent = (from: Spec, alsoShows: readonly string[]): Step => ({
  from, to: current,
  shows: [
    'IOCTL_SIZE_EXTENDED ioctl DRM_IOCTL_HL_WAIT_CS',
    'STRUCT_GROWN_AT_END struct hl_wait_cs_in',
    'UNION_MEMBER_ADDED struct hl_wait_cs_in.addr',
    'STRUCT_GROWN_AT_END struct hl_cs_out',
    'PAD_GIVEN_MEANING struct hl_cs_out.sob_base_addr_offset',
    'UNION_MEMBER_ADDED struct hl_cs_in.core_command',
    'STRUCT_GROWN_AT_END struct hl_info_hw_ip_info',
    'STRUCT_GROWN_AT_END struct hl_info_hw_idle',
    'PAD_GIVEN_MEANING struct hl_mem_in.num_of_elements',
    ...alsoShows,
  ],
});

const fromEveryRelease: readonly Step[] = [
  toCurrent(v1_0, [
    'IOCTL_ADDED ioctl DRM_IOCTL_HL_DEBUG',
    'PAD_GIVEN_MEANING struct hl_info_hw_idle.busy_engines_mask',
    'PAD_GIVEN_MEANING struct hl_cb_in.flags',
  ]),
  toCurrent(v1_1, ['PAD_GIVEN_MEANING struct hl_cb_in.flags', 'STRUCT_GROWN_AT_END struct hl_debug_params_bmon']),
  toCurrent(v1_2, ['UNION_MEMBER_ADDED struct hl_cs_chunk.encaps_signal_seq']),
];

function checkStep(t: ExecutionContext, s: Step): void {
  const r = diff(s.from, s.to, 'kernel');
  const live = r.changes.filter((c) => !['compatible', 'info'].includes(c.level));
  t.deepEqual(live.map(key), [], 'nothing breaks, and nothing is only source-compatible');
  t.is(r.verdict, 'compatible');
  for (const want of s.shows) {
    const c = r.changes.find((x) => key(x) === want);
    t.deepEqual(c === undefined ? 'missing' : [...c.abis].sort(), abis.map((a) => a.name).sort(), want);
  }
  // The semver policy accepts it as the minor bump it is, and would not accept a patch bump.
  const semver = diff(s.from, s.to, 'semver');
  t.is(semver.verdict, 'compatible');
  t.false(semver.changes.some((c) => c.rule === 'SEMVER_BUMP_REQUIRED'));
  const patch = semverInc(s.from.version, 'patch') ?? 'invalid';
  const asPatch = diff(s.from, { ...s.to, version: patch }, 'semver');
  t.true(asPatch.changes.some((c) => c.rule === 'SEMVER_BUMP_REQUIRED'), `${s.from.version} -> ${patch} is not enough`);
}

for (const s of steps) {
  test(`${s.from.version} -> ${s.to.version} is a compatible minor step`, (t) => checkStep(t, s));
}

for (const s of fromEveryRelease) {
  test(`${s.from.version} -> ${s.to.version} directly: old userspace on the current core`, (t) => checkStep(t, s));
}

test('the release order is the version order, one minor bump at a time', (t) => {
  t.deepEqual([v1_0, v1_1, v1_2, v1_3, current].map((s) => s.version), ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0']);
  t.true([v1_0, v1_1, v1_2, v1_3].every((s) => s.name === current.name));
});

// Sizes of the real kernels (shared/habanalabs-history.md) at the release each version models.
const realSizes: readonly [Spec, Readonly<Record<string, number>>][] = [
  [v1_0, { hl_wait_cs_args: 24, hl_cs_out: 16, hl_info_hw_ip_info: 200, hl_info_hw_idle: 8, hl_info_args: 24, hl_cb_args: 24, hl_cs_args: 48, hl_mem_args: 40 }],
  [v1_1, { hl_wait_cs_args: 24, hl_cs_out: 16, hl_info_hw_ip_info: 200, hl_info_hw_idle: 8, hl_debug_args: 40 }],
  [v1_2, { hl_wait_cs_args: 24, hl_cs_out: 16, hl_info_hw_ip_info: 216, hl_info_hw_idle: 16, hl_info_cs_counters: 96 }],
  [v1_3, { hl_wait_cs_args: 40, hl_cs_out: 24, hl_info_hw_ip_info: 232, hl_info_hw_idle: 24, hl_info_cs_counters: 96 }],
  [current, { hl_wait_cs_args: 56, hl_cs_out: 24, hl_info_hw_ip_info: 304, hl_info_hw_idle: 40, hl_info_cs_counters: 96 }],
];

test('each version has the real sizes of its kernel, and the 6.12 numbering throughout', (t) => {
  for (const [spec, sizes] of realSizes) {
    for (const abi of abis) {
      const engine = layoutEngine(spec, abi);
      for (const [name, size] of Object.entries(sizes)) t.is(engine.record(name).size, size, `${spec.version} ${name} on ${abi.name}`);
    }
    const index = new Map(spec.constants.filter((c) => c.group === 'hl_ioctl_index').map((c) => [c.name.replace(/^HL_IOCTL_/, 'DRM_IOCTL_HL_'), Number(c.value)]));
    t.is(index.size, spec.ioctls.length, `${spec.version}: one index per ioctl`);
    for (const i of spec.ioctls) {
      t.like(i, { type: 'd'.charCodeAt(0), nr: 0x40 + (index.get(i.name) ?? -1), dir: 'rw', sizeExtensible: true, tail: 'ignore' }, `${spec.version} ${i.name}`);
    }
  }
  // WAIT_CS's request number follows its size (24, 40, 56); the driver dispatches on the nr alone.
  const x86 = abis.find((a) => a.name === 'x86_64');
  if (x86 === undefined) return t.fail('no x86_64 ABI');
  const waitCs = (s: Spec): number => {
    const i = ioctlViews(s, layoutEngine(s, x86)).find((x) => x.name === 'DRM_IOCTL_HL_WAIT_CS');
    return i === undefined ? -1 : i.request;
  };
  t.deepEqual([v1_0, v1_2, v1_3, current].map(waitCs), [0xc0186443, 0xc0186443, 0xc0286443, 0xc0386443]);
});

test('every history file loads through the CLI and lints without errors', async (t) => {
  for (const v of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) {
    const file = path.join('specs', 'habanalabs', 'history', `v${v}.ts`);
    const r = await runCliCaptured(['lint', file, '--format', 'json'], { cwd: repoRoot });
    t.is(r.code, 0, `${file}: ${r.err}`);
    const json = JSON.parse(r.out) as { findings: { severity: string }[]; summary: { errors: number } };
    t.is(json.summary.errors, 0, file);
    t.deepEqual(json.findings.filter((f) => f.severity === 'error'), [], file);
  }
});

// A past release's DSL source must not change when the present does: every history file reads only
// the DSL and other history files (never the current spec), and defines exactly what was frozen.
test('each history spec stands alone and is exactly its frozen release', (t) => {
  const historyDir = path.join(repoRoot, 'specs', 'habanalabs', 'history');
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'breaks' ? [] : sources(path.join(dir, e.name))) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
  const files = sources(historyDir);
  t.true(files.length >= 5, 'history sources found');
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/from '([^']+)'/g)) {
      const target = m[1] ?? '';
      const inside = target.startsWith('.') && path.resolve(path.dirname(file), target).startsWith(historyDir + path.sep);
      t.true(target === 'uapi-harness/dsl' || inside, `${path.relative(repoRoot, file)} imports ${target}`);
    }
  }
  for (const spec of [v1_0, v1_1, v1_2, v1_3]) {
    const frozen = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snapshots', 'habanalabs', spec.version, 'spec.json'), 'utf8')) as unknown;
    t.deepEqual(toCanonical(spec), frozen, `specs/habanalabs/history/v${spec.version}.ts differs from snapshots/habanalabs/${spec.version}/spec.json`);
  }
});
