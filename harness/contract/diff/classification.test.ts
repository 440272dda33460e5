import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { formatIssue } from '../../core/diagnostics/format';
import { ABIS, DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { loadUapi } from '../load/load-uapi';
import type { Change, DiffResult, Level } from './change';
import { diffSpecs } from './diff-specs';

/**
 * How the kernel uses the bytes decides a header diff's verdict (issue 15): each case is a pair of
 * small real C headers compiled by clang, and the rule and level the kernel's conventions give. The
 * patterns come from real kernel history (the judged corpus under bench/real-history/).
 */
const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

const header = (body: string): string => `#ifndef T_H\n#define T_H\n#include <linux/ioctl.h>\n#include <linux/types.h>\n${body}\n#endif\n`;

async function diffTexts(oldBody: string, newBody: string): Promise<DiffResult> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-classify-'));
  try {
    const specs = [];
    for (const [side, body] of [['old', oldBody], ['new', newBody]] as const) {
      fs.mkdirSync(path.join(work, side));
      fs.writeFileSync(path.join(work, side, 't.h'), header(body));
      const r = await loadUapi(path.join(side, 't.h'), { cwd: work });
      if (r.uapi === undefined) throw new Error(r.issues.map(formatIssue).join('\n'));
      specs.push(r.uapi);
    }
    const [o, n] = specs as [NonNullable<(typeof specs)[0]>, NonNullable<(typeof specs)[0]>];
    // A target-dependent header is compared on each ABI through that ABI's variant, as uapi diff does.
    const side = (u: typeof o, label: string) => ({ spec: u.spec, label, headerMode: true, ...(u.variants !== undefined ? { variants: u.variants } : {}) });
    return diffSpecs(side(o, 'old'), side(n, 'new'), { abis });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

interface Case {
  readonly name: string;
  readonly old: string;
  readonly new: string;
  /** Rules that must be reported, each `RULE subject` with the level it must have, on the ABIs named (default: any). */
  readonly expect: readonly { readonly rule: string; readonly subject: string; readonly level: Level; readonly abis?: readonly string[] }[];
  readonly verdict: DiffResult['verdict'];
  /** Rules that must not appear at all. */
  readonly absent?: readonly string[];
}

const ARGS_W = (members: string, dir = '_IOW', type = "'X'"): string => `struct x_args {\n${members}\n};\n#define X_IOCTL ${dir}(${type}, 1, struct x_args)`;

const CASES: readonly Case[] = [
  {
    name: 'reserved bytes given meaning in a struct only the kernel writes (_IOR) are compatible',
    old: ARGS_W('\t__u32 a;\n\t__u32 reserved;', '_IOR'),
    new: ARGS_W('\t__u32 a;\n\t__u32 b;', '_IOR'),
    expect: [{ rule: 'PAD_GIVEN_MEANING', subject: 'struct x_args.b', level: 'compatible' }],
    verdict: 'compatible',
  },
  {
    name: 'reserved bytes the kernel reads, in a non-DRM ioctl: nothing shows they were checked, a hazard',
    old: ARGS_W('\t__u32 a;\n\t__u32 reserved;'),
    new: ARGS_W('\t__u32 a;\n\t__u32 b;'),
    expect: [{ rule: 'PAD_GIVEN_MEANING_UNCHECKED', subject: 'struct x_args.b', level: 'hazard' }],
    verdict: 'compatible',
  },
  {
    name: 'reserved bytes the kernel reads in a DRM ioctl: DRM drivers reject a non-zero pad',
    old: ARGS_W('\t__u32 a;\n\t__u32 pad;', '_IOW', "'d'"),
    new: ARGS_W('\t__u32 a;\n\t__u32 b;', '_IOW', "'d'"),
    expect: [{ rule: 'PAD_GIVEN_MEANING', subject: 'struct x_args.b', level: 'compatible' }],
    verdict: 'compatible',
  },
  {
    name: 'the out arm of an in/out argument union is written by the kernel only',
    old: 'struct x_in { __u32 a; __u32 pad; };\nstruct x_out { __u32 r; __u32 pad; };\nunion x_args { struct x_in in; struct x_out out; };\n#define X_IOCTL _IOWR(\'X\', 1, union x_args)',
    new: 'struct x_in { __u32 a; __u32 pad; };\nstruct x_out { __u32 r; __u32 r2; };\nunion x_args { struct x_in in; struct x_out out; };\n#define X_IOCTL _IOWR(\'X\', 1, union x_args)',
    expect: [{ rule: 'PAD_GIVEN_MEANING', subject: 'struct x_out.r2', level: 'compatible' }],
    verdict: 'compatible',
  },
  {
    name: 'former implicit padding given a meaning: compatible where the kernel only writes, a hazard where it reads',
    old: 'struct x_out { __u32 a; __u64 b; };\n#define X_GET _IOR(\'X\', 1, struct x_out)\nstruct x_in { __u32 a; __u64 b; };\n#define X_SET _IOW(\'X\', 2, struct x_in)',
    new: 'struct x_out { __u32 a; __u32 c; __u64 b; };\n#define X_GET _IOR(\'X\', 1, struct x_out)\nstruct x_in { __u32 a; __u32 c; __u64 b; };\n#define X_SET _IOW(\'X\', 2, struct x_in)',
    expect: [
      { rule: 'HOLE_GIVEN_MEANING_OUTPUT', subject: 'struct x_out.c', level: 'compatible', abis: ['x86_64'] },
      { rule: 'HOLE_GIVEN_MEANING', subject: 'struct x_in.c', level: 'hazard', abis: ['x86_64'] },
      // On i386 a __u64 is 4-aligned: there was no hole, and b moves.
      { rule: 'FIELD_MOVED', subject: 'struct x_in.b', level: 'abi-break', abis: ['i386'] },
    ],
    verdict: 'breaking',
  },
  {
    name: 'former implicit padding written out as a pad in a struct the kernel reads: the same bytes, no meaning, compatible',
    old: 'struct x_in { __u32 a; __aligned_u64 b; };\n#define X_SET _IOW(\'X\', 2, struct x_in)',
    new: 'struct x_in { __u32 a; __u32 pad; __aligned_u64 b; };\n#define X_SET _IOW(\'X\', 2, struct x_in)',
    expect: [{ rule: 'HOLE_NAMED_PAD', subject: 'struct x_in.pad', level: 'compatible', abis: ['x86_64', 'i386'] }],
    absent: ['HOLE_GIVEN_MEANING', 'FIELD_MOVED'],
    verdict: 'compatible',
  },
  {
    name: 'a bit-field carved from reserved bits is not an insertion',
    old: ARGS_W('\t__u32 a:1, reserved:31;'),
    new: ARGS_W('\t__u32 a:1, b:1, reserved:30;'),
    expect: [{ rule: 'PAD_GIVEN_MEANING_UNCHECKED', subject: 'struct x_args.b', level: 'hazard' }],
    absent: ['FIELD_INSERTED', 'FIELD_MOVED'],
    verdict: 'compatible',
  },
  {
    name: 'unnamed bit-field padding given a name is not an insertion',
    old: ARGS_W('\t__u32 a:1, :31;', '_IOR'),
    new: ARGS_W('\t__u32 a:1, b:1, :30;', '_IOR'),
    expect: [{ rule: 'HOLE_GIVEN_MEANING_OUTPUT', subject: 'struct x_args.b', level: 'compatible' }],
    absent: ['FIELD_INSERTED'],
    verdict: 'compatible',
  },
  {
    name: 'growth of a non-DRM ioctl argument whose request encodes its size is a proven break',
    old: ARGS_W('\t__u32 a;\n\t__u32 b;'),
    new: ARGS_W('\t__u32 a;\n\t__u32 b;\n\t__u64 c;'),
    expect: [
      { rule: 'STRUCT_SIZE_CHANGED', subject: 'struct x_args', level: 'abi-break' },
      { rule: 'IOCTL_SIZE_CHANGED', subject: 'ioctl X_IOCTL', level: 'value-break' },
    ],
    verdict: 'breaking',
  },
  {
    name: 'growth where the header declares a command table indexed by _IOC_NR is a hazard',
    old: `#define X_COMMAND_START 0x01\n#define X_COMMAND_END 0x02\n${ARGS_W('\t__u32 a;\n\t__u32 b;')}`,
    new: `#define X_COMMAND_START 0x01\n#define X_COMMAND_END 0x02\n${ARGS_W('\t__u32 a;\n\t__u32 b;\n\t__u64 c;')}`,
    expect: [
      { rule: 'STRUCT_GROWN_DISPATCH_DEPENDENT', subject: 'struct x_args', level: 'hazard' },
      { rule: 'IOCTL_SIZE_DISPATCH_DEPENDENT', subject: 'ioctl X_IOCTL', level: 'hazard' },
    ],
    verdict: 'compatible',
  },
  {
    name: 'growth of a self-sized struct no ioctl request sizes (vfio argsz) is a hazard',
    old: 'struct x_info { __u32 argsz; __u32 flags; };\n#define X_GET_INFO _IO(\'X\', 1)',
    new: 'struct x_info { __u32 argsz; __u32 flags; __u64 more; };\n#define X_GET_INFO _IO(\'X\', 1)',
    expect: [{ rule: 'STRUCT_GROWN_SIZE_FIELD', subject: 'struct x_info', level: 'hazard' }],
    verdict: 'compatible',
  },
  {
    name: 'growth of a struct no ioctl carries (a syscall attribute struct) is a hazard',
    old: 'struct x_attr { __u32 type; __u32 flags; };',
    new: 'struct x_attr { __u32 type; __u32 flags; __u64 more; };',
    expect: [{ rule: 'STRUCT_GROWN_NOT_CARRIED', subject: 'struct x_attr', level: 'hazard' }],
    verdict: 'compatible',
  },
  {
    name: 'a union arm growing under a larger arm keeps every request number',
    old: 'struct x_meta { __u32 a; };\nstruct x_fmt { __u32 type; union { struct x_meta meta; __u8 raw[64]; } fmt; };\n#define X_G_FMT _IOWR(\'X\', 1, struct x_fmt)',
    new: 'struct x_meta { __u32 a; __u32 b; };\nstruct x_fmt { __u32 type; union { struct x_meta meta; __u8 raw[64]; } fmt; };\n#define X_G_FMT _IOWR(\'X\', 1, struct x_fmt)',
    expect: [{ rule: 'STRUCT_GROWN_AT_END', subject: 'struct x_meta', level: 'compatible' }],
    verdict: 'compatible',
  },
  {
    name: 'sentinels, versions and valid-flag masks move by design; a plain value change breaks',
    old: '#define __MAX_X_TYPE 4\n#define X_NUM_IRQS 2\n#define X_VERSION_MINOR 3\n#define X_FLAG_A 0x1\n#define X_FLAG_B 0x2\n#define X_FLAGS_ALL 0x3\n#define X_FIRST_FREE 48',
    new: '#define __MAX_X_TYPE 5\n#define X_NUM_IRQS 3\n#define X_VERSION_MINOR 4\n#define X_FLAG_A 0x1\n#define X_FLAG_B 0x2\n#define X_FLAG_C 0x4\n#define X_FLAGS_ALL 0x7\n#define X_FIRST_FREE 144',
    expect: [
      { rule: 'CONSTANT_SENTINEL_MOVED', subject: 'constant __MAX_X_TYPE', level: 'compatible' },
      { rule: 'CONSTANT_SENTINEL_MOVED', subject: 'constant X_NUM_IRQS', level: 'compatible' },
      { rule: 'CONSTANT_VERSION_CHANGED', subject: 'constant X_VERSION_MINOR', level: 'compatible' },
      { rule: 'FLAG_MASK_WIDENED', subject: 'constant X_FLAGS_ALL', level: 'compatible' },
      { rule: 'CONSTANT_VALUE_CHANGED', subject: 'constant X_FIRST_FREE', level: 'value-break' },
    ],
    verdict: 'breaking',
  },
  {
    name: 'a shrinking bound and a narrowed mask are hazards',
    old: '#define X_MAX_ARG_SIZE 4096\n#define X_FLAGS_SUPPORTED 0x7',
    new: '#define X_MAX_ARG_SIZE 1024\n#define X_FLAGS_SUPPORTED 0x3',
    expect: [
      { rule: 'CONSTANT_BOUND_NARROWED', subject: 'constant X_MAX_ARG_SIZE', level: 'hazard' },
      { rule: 'FLAG_MASK_NARROWED', subject: 'constant X_FLAGS_SUPPORTED', level: 'hazard' },
    ],
    verdict: 'compatible',
  },
  {
    name: 'a #define that became an enumerator with a new value is a value break (VFIO_DEVICE_STATE_STOP, 5.10 -> 6.1)',
    old: '#define X_STATE_STOP 0\n#define X_STATE_RUNNING 1',
    new: 'enum x_state { X_STATE_ERROR = 0, X_STATE_STOP = 1, X_STATE_RUNNING = 2 };',
    expect: [
      { rule: 'CONSTANT_VALUE_CHANGED', subject: 'constant X_STATE_STOP', level: 'value-break' },
      { rule: 'CONSTANT_VALUE_CHANGED', subject: 'constant X_STATE_RUNNING', level: 'value-break' },
    ],
    absent: ['CONSTANT_REMOVED'],
    verdict: 'breaking',
  },
  {
    name: 'an anonymous enum given a name removes nothing',
    old: 'enum { X_OP_A, X_OP_B };',
    new: 'enum x_op { X_OP_A, X_OP_B, X_OP_C };',
    expect: [{ rule: 'VALUE_KIND_CHANGED', subject: 'constant X_OP_A', level: 'info' }],
    absent: ['CONSTANT_REMOVED', 'ENUMERATOR_REMOVED'],
    verdict: 'compatible',
  },
  {
    name: 'an ioctl macro that became an enumerator of the same request is no change to a binary',
    old: 'struct x_args { __u32 a; };\n#define X_IOCTL _IOW(\'X\', 1, struct x_args)',
    new: 'struct x_args { __u32 a; };\nenum { X_IOCTL = _IOW(\'X\', 1, struct x_args) };',
    expect: [{ rule: 'VALUE_KIND_CHANGED', subject: 'ioctl X_IOCTL', level: 'info', abis: ['x86_64'] }],
    absent: ['IOCTL_BECAME_CONSTANT', 'IOCTL_REMOVED'],
    verdict: 'compatible',
  },
  {
    name: 'field values of a multi-bit field inside a flags word are not flags that collide',
    old: '#define X_FLAGS_FUSION 0x1\n#define X_FLAGS_PREEMPTION 0x2',
    new: '#define X_FLAGS_FUSION 0x1\n#define X_FLAGS_PREEMPTION 0x2\n#define X_FLAGS_MODE_MASK 0x300\n#define X_FLAGS_MODE_SHIFT 8\n#define X_FLAGS_MODE_VF 0x1\n#define X_FLAGS_MODE_PT 0x2',
    expect: [],
    absent: ['FLAG_COLLISION'],
    verdict: 'compatible',
  },
  {
    name: 'a field narrowed with the rest made padding: a hazard on little-endian, a break on big-endian',
    old: ARGS_W('\t__u32 port;'),
    new: ARGS_W('\t__u16 port;\n\t__u16 pad;'),
    expect: [
      { rule: 'FIELD_NARROWED', subject: 'struct x_args.port', level: 'hazard', abis: ['x86_64'] },
      { rule: 'FIELD_NARROWED_BIG_ENDIAN', subject: 'struct x_args.port', level: 'abi-break', abis: ['s390x', 'mips'] },
    ],
    absent: ['FIELD_INSERTED'],
    verdict: 'breaking',
  },
  {
    name: 'an array shortened with its tail carved into new fields is a hazard (ublksrv_ctrl_cmd.data)',
    old: ARGS_W('\t__u64 addr;\n\t__u64 data[2];'),
    new: ARGS_W('\t__u64 addr;\n\t__u64 data[1];\n\t__u16 len;\n\t__u16 pad;\n\t__u32 reserved;'),
    expect: [{ rule: 'ARRAY_SHORTENED', subject: 'struct x_args.data', level: 'hazard' }],
    absent: ['FIELD_INSERTED', 'FIELD_RETYPED'],
    verdict: 'compatible',
  },
  {
    name: 'a flexible array that changed its element type is a hazard',
    old: ARGS_W('\t__u64 size;\n\t__u64 buf[];', '_IOR'),
    new: ARGS_W('\t__u64 size;\n\t__u8 buf[];', '_IOR'),
    expect: [{ rule: 'FLEXIBLE_ARRAY_RETYPED', subject: 'struct x_args.buf', level: 'hazard' }],
    absent: ['FIELD_RETYPED'],
    verdict: 'compatible',
  },
  {
    name: 'an enumerator marked internal by its leading __ removed is a hazard; another removed breaks',
    old: 'enum x_fmt { X_FMT_A = 1, X_FMT_B = 2, __X_FMT_EARLY = 4 };',
    new: 'enum x_fmt { X_FMT_A = 1 };',
    expect: [
      { rule: 'INTERNAL_NAME_REMOVED', subject: 'enum x_fmt.__X_FMT_EARLY', level: 'hazard' },
      { rule: 'ENUMERATOR_REMOVED', subject: 'enum x_fmt.X_FMT_B', level: 'value-break' },
    ],
    verdict: 'breaking',
  },
  {
    name: 'a new struct that differs between 32 and 64 bits is a hazard; an existing one that starts to differ breaks',
    old: 'struct x_old { __u32 a; __u32 b; };\n#define X_OLD _IOW(\'X\', 1, struct x_old)',
    new: 'struct x_old { __u32 a; __u64 b; };\n#define X_OLD _IOW(\'X\', 1, struct x_old)\nstruct x_new { __u32 a; __u64 b; };\n#define X_NEW _IOW(\'X\', 2, struct x_new)',
    expect: [
      { rule: 'LAYOUT_32_64_DIVERGENCE_NEW_TYPE', subject: 'struct x_new', level: 'hazard' },
      { rule: 'LAYOUT_32_64_DIVERGENCE', subject: 'struct x_old', level: 'abi-break' },
    ],
    verdict: 'breaking',
  },
  {
    name: 'a definition that became architecture-specific is a hazard on the other ABIs, not a removal (kvm.h 6.12 Xen ioctls)',
    old: 'struct x_xen_attr { __u32 type; __u32 pad; };\n#define X_XEN_GET_ATTR _IOWR(\'X\', 1, struct x_xen_attr)\n#define X_XEN_TYPE_A 1',
    new: '#if defined(__x86_64__) || defined(__i386__)\nstruct x_xen_attr { __u32 type; __u32 pad; };\n#define X_XEN_TYPE_A 1\n#endif\n#define X_XEN_GET_ATTR _IOWR(\'X\', 1, struct x_xen_attr)',
    expect: [
      { rule: 'DEFINITION_NOW_ARCH_SPECIFIC', subject: 'ioctl X_XEN_GET_ATTR', level: 'hazard', abis: ['aarch64', 's390x'] },
      // A plain constant's removal stays what it is anywhere: a source break, not raised to a hazard.
      { rule: 'CONSTANT_REMOVED', subject: 'constant X_XEN_TYPE_A', level: 'source-break', abis: ['aarch64'] },
    ],
    absent: ['IOCTL_REMOVED'],
    // Sources of those ABIs that named the struct no longer compile: a source break, nothing more.
    verdict: 'source-breaking',
  },
  {
    name: 'a flags word that changed signedness keeps its bits; a value field does not',
    old: ARGS_W('\t__s32 rw_flags;\n\t__u32 size;'),
    new: ARGS_W('\t__u32 rw_flags;\n\t__s32 size;'),
    expect: [
      { rule: 'FLAGS_SIGNEDNESS_CHANGED', subject: 'struct x_args.rw_flags', level: 'compatible' },
      { rule: 'FIELD_SIGNEDNESS_CHANGED', subject: 'struct x_args.size', level: 'abi-break' },
    ],
    verdict: 'breaking',
  },
];

const show = (changes: readonly Change[]): string => changes.map((c) => `${c.rule} ${c.level} ${c.subject} [${c.abis.join(',')}]`).join('\n');

for (const c of CASES) {
  test(c.name, async (t) => {
    const r = await diffTexts(c.old, c.new);
    for (const e of c.expect) {
      const found = r.changes.find((x) => x.rule === e.rule && x.subject === e.subject && (e.abis ?? []).every((a) => x.abis.includes(a)));
      t.truthy(found, `expected ${e.rule} on ${e.subject}${e.abis !== undefined ? ` [${e.abis.join(',')}]` : ''}\n${show(r.changes)}`);
      t.is(found?.level, e.level, `${e.rule} ${e.subject}`);
    }
    for (const a of c.absent ?? []) t.false(r.changes.some((x) => x.rule === a), `${a} must not be reported\n${show(r.changes)}`);
    t.is(r.verdict, c.verdict, show(r.changes));
    t.is(r.hazards, r.changes.filter((x) => x.level === 'hazard').length);
  });
}
