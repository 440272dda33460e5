import test from 'ava';
import { ABIS, DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { alignedU64, anonymous, array, constants, defineSpec, enumeration, flags, ioctl, s32, struct, u16, u32, u64, union, values, type Shape } from '../../core/model/dsl';
import type { Spec } from '../../core/model/model';
import type { Verdict } from './change';
import { diffSpecs } from './diff-specs';

const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/**
 * A small DRM-style uAPI in the shape of habanalabs: every edit in the catalogue below changes one
 * thing of it, and the diff must name that thing with the right rule and verdict.
 */
interface Knobs {
  readonly version: string;
  readonly cbIn: Shape;
  readonly waitIn: Shape;
  readonly csFlags: Readonly<Record<string, number>>;
  readonly ops: Readonly<Record<string, number>>;
  readonly status: Readonly<Record<string, number>>;
  readonly sobBase: number;
  readonly infoNr: number;
  readonly infoType: string;
  readonly infoDir: 'rw' | 'r';
  readonly extraIoctl: boolean;
  readonly waitExtensible: boolean;
  readonly idleOut: Shape;
  readonly chunk: Shape;
  readonly newType: Shape | undefined;
  readonly errnoPad: string;
}

const BASE: Knobs = {
  version: '1.0.0',
  cbIn: { cb_handle: u64.handle('cb'), op: u32.oneOf('hl_cb_op'), cb_size: u32, ctx_id: u32, pad: u32.pad() },
  waitIn: { seq: u64, timeout_us: u64, ctx_id: u32, flags: u32.flags('hl_wait_flags') },
  csFlags: { HL_CS_FLAGS_FORCE_RESTORE: 0x1, HL_CS_FLAGS_SIGNAL: 0x2 },
  ops: { HL_CB_OP_CREATE: 0, HL_CB_OP_DESTROY: 1 },
  status: { HL_DEVICE_STATUS_OPERATIONAL: 0, HL_DEVICE_STATUS_IN_RESET: 1, HL_DEVICE_STATUS_MALFUNCTION: 2, HL_DEVICE_STATUS_LAST: 2 },
  sobBase: 48,
  infoNr: 0x40,
  infoType: 'd',
  infoDir: 'rw',
  extraIoctl: false,
  waitExtensible: true,
  idleOut: { is_idle: u32, busy_engines_mask: u32 },
  chunk: { cb_handle: u64, queue_index: u32, cb_size: u32 },
  newType: undefined,
  errnoPad: 'EINVAL',
};

function build(k: Partial<Knobs> = {}): Spec {
  const p = { ...BASE, ...k };
  const cbIn = struct('hl_cb_in', p.cbIn);
  const cbArgs = union('hl_cb_args', { in: cbIn, out: struct('hl_cb_out', { cb_handle: u64, pad: u64.pad() }) });
  const waitIn = struct('hl_wait_cs_in', p.waitIn);
  const waitArgs = union('hl_wait_cs_args', { in: waitIn, out: struct('hl_wait_cs_out', { status: u32, pad: u32.pad() }) });
  const idle = struct('hl_info_hw_idle', p.idleOut);
  const chunk = struct('hl_cs_chunk', p.chunk);
  const csIn = struct('hl_cs_in', {
    chunks_execute: u64.userPointer({ lengthField: 'num_chunks_execute', lengthUnit: 'elements', elementType: 'hl_cs_chunk' }),
    num_chunks_execute: u32,
    cs_flags: u32.flags('hl_cs_flags'),
  });
  const info = struct('hl_info_args', { return_pointer: u64.userPointer({ lengthField: 'return_size' }), return_size: u32, op: u32.oneOf('hl_info_op'), _u: anonymous(union({ dcore_id: u32, ctx_id: u32 })), pad: u32.pad() });
  const ext = { sizeExtensible: true, tail: 'ignore' as const, errno: { nonzeroPad: p.errnoPad } };
  const ioctls = [
    ioctl('DRM_IOCTL_HL_INFO', { dir: p.infoDir, type: p.infoType, nr: p.infoNr, arg: info, ...ext }),
    ioctl('DRM_IOCTL_HL_CB', { dir: 'rw', type: 'd', nr: 0x41, arg: cbArgs, ...ext }),
    ioctl('DRM_IOCTL_HL_CS', { dir: 'rw', type: 'd', nr: 0x42, arg: csIn, ...ext }),
    ioctl('DRM_IOCTL_HL_WAIT_CS', { dir: 'rw', type: 'd', nr: 0x43, arg: waitArgs, ...(p.waitExtensible ? ext : {}) }),
    ...(p.extraIoctl ? [ioctl('DRM_IOCTL_HL_DEBUG', { dir: 'rw', type: 'd', nr: 0x45, arg: struct('hl_debug_args', { op: u32, pad: u32.pad() }), ...ext })] : []),
  ];
  return defineSpec({
    name: 'mini', version: p.version, ioctls,
    types: [chunk, enumeration('hl_device_status', p.status), ...(p.newType !== undefined ? [struct('hl_new', p.newType)] : [])],
    constants: [
      values('hl_info_op', { HL_INFO_HW_IP_INFO: 0, HL_INFO_HW_IDLE: { value: 3, payload: idle } }),
      values('hl_cb_op', p.ops),
      flags('hl_cs_flags', p.csFlags),
      flags('hl_wait_flags', { HL_WAIT_CS_FLAGS_INTERRUPT: 0x2 }),
      constants({ GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT: p.sobBase }),
    ],
  });
}

interface Edit {
  readonly name: string;
  readonly knobs: Partial<Knobs>;
  /** Every rule id that must be reported (more may be). */
  readonly rules: readonly string[];
  readonly verdict: Verdict;
}

const CATALOGUE: readonly Edit[] = [
  { name: 'pad given a meaning at the same bytes', knobs: { cbIn: { ...BASE.cbIn, pad: undefined as never, flags: u32.flags('hl_cs_flags') } }, rules: ['PAD_GIVEN_MEANING'], verdict: 'compatible' },
  { name: 'field moved (same-size swap)', knobs: { waitIn: { seq: u64, timeout_us: u64, flags: u32.flags('hl_wait_flags'), ctx_id: u32 } }, rules: ['FIELD_MOVED'], verdict: 'breaking' },
  { name: 'field widened u32 -> u64 over its neighbour, same struct size (5.16.12)', knobs: { waitIn: { seq: u64, timeout_us: u64, ctx_id: u64 } }, rules: ['FIELD_RETYPED', 'FIELD_REMOVED'], verdict: 'breaking' },
  { name: 'field inserted in the middle', knobs: { cbIn: { cb_handle: u64.handle('cb'), extra: u32, op: u32.oneOf('hl_cb_op'), cb_size: u32, ctx_id: u32, pad: u32.pad() } }, rules: ['FIELD_INSERTED', 'FIELD_MOVED'], verdict: 'breaking' },
  { name: 'field removed', knobs: { cbIn: { cb_handle: u64.handle('cb'), op: u32.oneOf('hl_cb_op'), cb_size: u32, pad: u32.pad(), pad2: u32.pad() } }, rules: ['FIELD_REMOVED'], verdict: 'breaking' },
  { name: 'field signedness changed', knobs: { cbIn: { ...BASE.cbIn, cb_size: s32 } }, rules: ['FIELD_SIGNEDNESS_CHANGED'], verdict: 'breaking' },
  { name: 'field renamed', knobs: { cbIn: { cb_handle: u64.handle('cb'), op: u32.oneOf('hl_cb_op'), size: u32, ctx_id: u32, pad: u32.pad() } }, rules: ['FIELD_RENAMED'], verdict: 'source-breaking' },
  { name: 'struct grown at the end of a size-extensible ioctl argument', knobs: { waitIn: { ...BASE.waitIn, interrupt_id: u64 } }, rules: ['STRUCT_GROWN_AT_END', 'FIELD_APPENDED', 'IOCTL_SIZE_EXTENDED'], verdict: 'compatible' },
  { name: 'struct grown at the end of an ioctl that is not size-extensible', knobs: { waitIn: { ...BASE.waitIn, interrupt_id: u64 }, waitExtensible: false }, rules: ['STRUCT_SIZE_CHANGED', 'IOCTL_SIZE_CHANGED'], verdict: 'breaking' },
  { name: 'INFO payload grown at the end (output clamped to return_size)', knobs: { idleOut: { ...BASE.idleOut, busy_engines_mask_ext: u64 } }, rules: ['STRUCT_GROWN_AT_END'], verdict: 'compatible' },
  { name: 'array element grown: stride changes', knobs: { chunk: { ...BASE.chunk, cs_chunk_flags: u32, pad: u32.pad() } }, rules: ['STRUCT_SIZE_CHANGED'], verdict: 'breaking' },
  { name: 'payload reshaped under the same opcode (cs_counters)', knobs: { idleOut: { busy_engines_mask: u32, is_idle: u32 } }, rules: ['FIELD_MOVED'], verdict: 'breaking' },
  { name: 'exported constant changed value', knobs: { sobBase: 144 }, rules: ['CONSTANT_VALUE_CHANGED'], verdict: 'breaking' },
  { name: 'flag bit changed', knobs: { csFlags: { HL_CS_FLAGS_FORCE_RESTORE: 0x1, HL_CS_FLAGS_SIGNAL: 0x4 } }, rules: ['FLAG_VALUE_CHANGED'], verdict: 'breaking' },
  { name: 'flag added', knobs: { csFlags: { ...BASE.csFlags, HL_CS_FLAGS_WAIT: 0x4 } }, rules: ['FLAG_ADDED'], verdict: 'compatible' },
  { name: 'new flag collides with an existing bit', knobs: { csFlags: { ...BASE.csFlags, HL_CS_FLAGS_STAGED: 0x2 } }, rules: ['FLAG_COLLISION'], verdict: 'breaking' },
  { name: 'flag removed', knobs: { csFlags: { HL_CS_FLAGS_FORCE_RESTORE: 0x1 } }, rules: ['FLAG_REMOVED'], verdict: 'breaking' },
  { name: 'opcode value changed', knobs: { ops: { HL_CB_OP_CREATE: 0, HL_CB_OP_DESTROY: 2 } }, rules: ['OPCODE_VALUE_CHANGED'], verdict: 'breaking' },
  { name: 'enumerator appended, sentinel moved', knobs: { status: { ...BASE.status, HL_DEVICE_STATUS_IN_DEVICE_CREATION: 3, HL_DEVICE_STATUS_LAST: 3 } }, rules: ['ENUMERATOR_APPENDED', 'ENUM_SENTINEL_MOVED'], verdict: 'compatible' },
  { name: 'enumerator inserted mid-enum shifts the values after it', knobs: { status: { HL_DEVICE_STATUS_OPERATIONAL: 0, HL_DEVICE_STATUS_NEW: 1, HL_DEVICE_STATUS_IN_RESET: 2, HL_DEVICE_STATUS_MALFUNCTION: 3, HL_DEVICE_STATUS_LAST: 3 } }, rules: ['ENUMERATOR_INSERTED', 'ENUMERATOR_VALUE_CHANGED'], verdict: 'breaking' },
  { name: 'enumerator removed', knobs: { status: { HL_DEVICE_STATUS_OPERATIONAL: 0, HL_DEVICE_STATUS_IN_RESET: 1, HL_DEVICE_STATUS_LAST: 1 } }, rules: ['ENUMERATOR_REMOVED'], verdict: 'breaking' },
  { name: 'ioctl nr changed', knobs: { infoNr: 0x46 }, rules: ['IOCTL_NR_CHANGED'], verdict: 'breaking' },
  { name: 'ioctl type changed', knobs: { infoType: 'H' }, rules: ['IOCTL_TYPE_CHANGED'], verdict: 'breaking' },
  { name: 'ioctl direction changed', knobs: { infoDir: 'r' }, rules: ['IOCTL_DIR_CHANGED'], verdict: 'breaking' },
  { name: 'ioctl added', knobs: { extraIoctl: true }, rules: ['IOCTL_ADDED', 'TYPE_ADDED'], verdict: 'compatible' },
  { name: 'size-extensibility dropped', knobs: { waitExtensible: false }, rules: ['IOCTL_EXTENSIBILITY_DROPPED'], verdict: 'breaking' },
  { name: 'errno of a failure class changed', knobs: { errnoPad: 'E2BIG' }, rules: ['ERRNO_CHANGED'], verdict: 'breaking' },
  { name: 'new type with a 32/64-bit divergent layout reached by an ioctl', knobs: { chunk: { ...BASE.chunk, ts: u64, tail: u32 } }, rules: ['LAYOUT_32_64_DIVERGENCE'], verdict: 'breaking' },
  { name: 'new unused type with 32/64 divergence is only noted', knobs: { newType: { a: u32, b: u64 } }, rules: ['TYPE_ADDED', 'LAYOUT_32_64_DIVERGENCE_UNUSED'], verdict: 'compatible' },
  { name: 'annotation changed: flags group of a field', knobs: { waitIn: { seq: u64, timeout_us: u64, ctx_id: u32, flags: u32.flags('hl_cs_flags') } }, rules: ['ANNOTATION_CHANGED'], verdict: 'breaking' },
  { name: '__u64 made __aligned_u64 where it was already 8-aligned: only i386 alignment changes', knobs: { waitIn: { seq: alignedU64, timeout_us: u64, ctx_id: u32, flags: u32.flags('hl_wait_flags') } }, rules: ['STRUCT_ALIGN_CHANGED'], verdict: 'compatible' },
  { name: '__u64 made __aligned_u64 where that moves it on i386', knobs: { cbIn: { op: u32.oneOf('hl_cb_op'), cb_handle: alignedU64.handle('cb'), cb_size: u32, ctx_id: u32, pad: u32.pad() }, waitIn: BASE.waitIn }, rules: ['FIELD_MOVED'], verdict: 'breaking' },
];

function run(oldSpec: Spec, newSpec: Spec, policy: 'kernel' | 'semver' = 'kernel') {
  return diffSpecs({ spec: oldSpec, label: 'old', headerMode: false }, { spec: newSpec, label: 'new', headerMode: false }, { abis, policy });
}

test('two identical specs are identical', (t) => {
  const r = run(build(), build());
  t.is(r.verdict, 'identical');
  t.deepEqual(r.changes, []);
});

for (const edit of CATALOGUE) {
  test(`catalogue: ${edit.name}`, (t) => {
    const knobs = Object.fromEntries(Object.entries(edit.knobs).map(([k, v]) => [k, v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) : v]));
    const r = run(build(), build(knobs as Partial<Knobs>));
    const found = new Set(r.changes.map((c) => c.rule));
    for (const rule of edit.rules) t.true(found.has(rule), `expected ${rule}; got ${[...found].join(', ') || 'nothing'}`);
    t.is(r.verdict, edit.verdict, r.changes.map((c) => `${c.rule} ${c.subject}: ${c.message}`).join('\n'));
  });
}

test('reserved fields merged into one array, or one reserved field widened, stay reserved', (t) => {
  const three = build({ idleOut: { is_idle: u32, reserved0: u32.reserved(), reserved1: u32.reserved(), reserved2: u32.reserved() } });
  const merged = run(three, build({ idleOut: { is_idle: u32, reserved: array(u32, 3).reserved() } }));
  t.deepEqual([...new Set(merged.changes.map((c) => c.rule))], ['RESERVED_RENUMBERED']);
  t.is(merged.verdict, 'compatible');
  const widened = run(three, build({ idleOut: { is_idle: u32, reserved0: array(u32, 3).reserved() } }));
  t.deepEqual([...new Set(widened.changes.map((c) => c.rule))], ['RESERVED_RENUMBERED']);
  const four = build({ idleOut: { is_idle: u32, pad: u32.pad(), reserved0: u32.reserved(), reserved1: u32.reserved() } });
  const carved = run(four, build({ idleOut: { is_idle: u32, pad: u32.pad(), mask: u64 } }));
  t.true(carved.changes.some((c) => c.rule === 'PAD_GIVEN_MEANING' && c.subject === 'struct hl_info_hw_idle.mask'), 'a field over two former reserved fields');
  t.is(carved.verdict, 'compatible');
});

test('reserved fields renumbered inside reserved bytes are not moves', (t) => {
  const before = build({ idleOut: { is_idle: u32, pad: u32.pad(), reserved: array(u32, 4).reserved() } });
  const after = build({ idleOut: { is_idle: u32, busy_engines_mask: u32, mask2: u32, reserved2: array(u32, 3).reserved() } });
  const r = run(before, after);
  t.deepEqual([...new Set(r.changes.map((c) => c.rule))].sort(), ['PAD_GIVEN_MEANING', 'RESERVED_RENUMBERED']);
  t.is(r.verdict, 'compatible');
});

test('a change is merged across the ABIs it shows on', (t) => {
  const r = run(build(), build({ waitIn: { seq: u64, timeout_us: u64, ctx_id: u32, flags: u32.flags('hl_wait_flags'), more: u32 } }));
  const appended = r.changes.filter((c) => c.rule === 'FIELD_APPENDED' && c.subject === 'struct hl_wait_cs_in.more');
  t.is(appended.length, 1, 'the same change on every ABI is one entry');
  t.deepEqual(appended[0]?.abis, abis.map((a) => a.name));
  const grown = r.changes.filter((c) => c.rule === 'STRUCT_GROWN_AT_END' && c.subject === 'struct hl_wait_cs_in');
  t.deepEqual(grown.map((c) => [c.old, c.new]).sort(), [[24, 28], [24, 32]], 'different sizes per ABI group stay separate entries');
  t.deepEqual(grown.find((c) => c.new === 28)?.abis, ['i386']);
  t.true(r.changes.some((c) => c.rule === 'LAYOUT_32_64_DIVERGENCE' && c.subject === 'struct hl_wait_cs_in'), '28 bytes on i386, 32 on x86_64');
});

test('semver policy: breaks need a major bump, additions a minor one', (t) => {
  const breaking = { sobBase: 144 };
  t.is(run(build(), build({ ...breaking, version: '1.1.0' }), 'semver').verdict, 'breaking');
  const major = run(build(), build({ ...breaking, version: '2.0.0' }), 'semver');
  t.is(major.verdict, 'compatible');
  t.true(major.changes.some((c) => c.rule === 'CONSTANT_VALUE_CHANGED' && c.allowedByPolicy === true));
  const patchOnly = run(build(), build({ extraIoctl: true, version: '1.0.1' }), 'semver');
  t.is(patchOnly.verdict, 'breaking');
  t.true(patchOnly.changes.some((c) => c.rule === 'SEMVER_BUMP_REQUIRED'));
  t.is(run(build(), build({ extraIoctl: true, version: '1.1.0' }), 'semver').verdict, 'compatible');
  t.is(run(build(), build({ ...breaking, version: '2.0.0' }), 'kernel').verdict, 'breaking');
});

test('waived changes stay in the report, marked, and do not count', (t) => {
  const r = diffSpecs(
    { spec: build(), label: 'old', headerMode: false },
    { spec: build({ sobBase: 144 }), label: 'new', headerMode: false },
    { abis, waivers: [{ rule: 'CONSTANT_VALUE_CHANGED', subject: 'constant GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT', reason: 'never used by userspace' }, { rule: 'FIELD_MOVED', subject: 'struct nothing.x', reason: 'stale' }] },
  );
  t.is(r.verdict, 'compatible');
  const c = r.changes.find((x) => x.rule === 'CONSTANT_VALUE_CHANGED');
  t.like(c, { waived: true, reason: 'never used by userspace', old: 48n, new: 144n });
  t.deepEqual(r.unusedWaivers.map((w) => w.subject), ['struct nothing.x']);
});

test('header mode: growth of a non-DRM ioctl argument depends on dispatch and says so', (t) => {
  const a = defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('X_IOCTL', { dir: 'rw', type: 'H', nr: 1, arg: struct('x_args', { a: u64 }) })] });
  const b = defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('X_IOCTL', { dir: 'rw', type: 'H', nr: 1, arg: struct('x_args', { a: u64, b: u64 }) })] });
  const r = diffSpecs({ spec: a, label: 'a.h', headerMode: true }, { spec: b, label: 'b.h', headerMode: true }, { abis });
  t.true(r.changes.some((c) => c.rule === 'IOCTL_SIZE_CHANGED'));
  const drmA = defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('X_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: struct('x_args', { a: u64 }) })], types: [struct('payload', { a: u32 })] });
  const drmB = defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('X_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: struct('x_args', { a: u64, b: u64 }) })], types: [struct('payload', { a: u32, b: u32 })] });
  const d = diffSpecs({ spec: drmA, label: 'a.h', headerMode: true }, { spec: drmB, label: 'b.h', headerMode: true }, { abis });
  t.true(d.changes.some((c) => c.rule === 'IOCTL_SIZE_EXTENDED'), 'DRM core zero-extends');
  const dep = d.changes.find((c) => c.rule === 'STRUCT_GROWN_NOT_CARRIED');
  t.like(dep, { subject: 'struct payload', level: 'hazard' });
  t.regex(dep?.message ?? '', /no ioctl of this uAPI carries it/);
  t.is(d.verdict, 'compatible', 'a hazard does not fail the verdict');
  t.is(d.hazards, 1);
  const strict = diffSpecs({ spec: drmA, label: 'a.h', headerMode: true }, { spec: drmB, label: 'b.h', headerMode: true }, { abis, strict: true });
  t.is(strict.verdict, 'breaking', '--strict fails on hazards');
});

test('an ioctl name that became a plain constant is a value break (6.4 -> 6.12 HL_IOCTL_INFO)', (t) => {
  const a = defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('HL_IOCTL_INFO', { dir: 'rw', type: 'H', nr: 1, arg: struct('hl_info_args', { a: u64, b: u16, c: u16, d: u32 }) })] });
  const b = defineSpec({
    name: 'h', version: '0.0.0',
    ioctls: [ioctl('DRM_IOCTL_HL_INFO', { dir: 'rw', type: 'd', nr: 0x40, arg: struct('hl_info_args', { a: u64, b: u16, c: u16, d: u32 }) })],
    constants: [constants({ HL_IOCTL_INFO: 0 })],
  });
  const r = diffSpecs({ spec: a, label: 'a.h', headerMode: true }, { spec: b, label: 'b.h', headerMode: true }, { abis });
  t.is(r.verdict, 'breaking');
  t.true(r.changes.some((c) => c.rule === 'IOCTL_BECAME_CONSTANT' && c.subject === 'ioctl HL_IOCTL_INFO'));
  t.true(r.changes.some((c) => c.rule === 'IOCTL_ADDED'));
});

test('bytes renamed to an unrelated name while the old name moved elsewhere are a move (5.13 cs_counters)', (t) => {
  const counters = struct('hl_cs_counters', { out_of_mem_drop_cnt: u64, parsing_drop_cnt: u64, queue_full_drop_cnt: u64 });
  const before = defineSpec({ name: 'c', version: '1.0.0', types: [struct('hl_info_cs_counters', { cs_counters: counters, ctx_cs_counters: counters })] });
  const after = defineSpec({
    name: 'c', version: '1.0.0',
    types: [struct('hl_info_cs_counters', {
      total_out_of_mem_drop_cnt: u64, ctx_out_of_mem_drop_cnt: u64, total_parsing_drop_cnt: u64,
      ctx_parsing_drop_cnt: u64, total_queue_full_drop_cnt: u64, ctx_queue_full_drop_cnt: u64,
    })],
  });
  const r = run(before, after);
  t.is(r.verdict, 'breaking');
  const moved = r.changes.filter((c) => c.rule === 'FIELD_MOVED').map((c) => c.subject).sort();
  t.true(moved.includes('struct hl_info_cs_counters.cs_counters.parsing_drop_cnt'), moved.join(', '));
  const renamed = r.changes.filter((c) => c.rule === 'FIELD_RENAMED').map((c) => c.subject);
  t.true(renamed.includes('struct hl_info_cs_counters.total_out_of_mem_drop_cnt'), 'same bytes, related name: a rename');
});
