import { ACME_ACCEL_HEADER } from './acme-accel-header';
import { applyEdit, replace, type EditDefinition, type HeaderEdit } from './header-edit';

const NEW_IOCTL_NR = '#define DRM_ACME_NOTIFY 0x05\n';
const LAST_IOCTL = '#define DRM_IOCTL_ACME_NOTIFY _IOW(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_NOTIFY, struct acme_notify_args)\n';
const BEFORE_IOCTL_NRS = '#define DRM_ACME_INFO 0x00\n';

/** Adds a new DRM ioctl (nr 0x06) taking `struct <name>` with the given member lines. */
function newIoctl(ioctl: string, struct: string, members: string): EditDefinition['replacements'] {
  return [
    replace(BEFORE_IOCTL_NRS, `struct ${struct} {\n${members}};\n\n${BEFORE_IOCTL_NRS}`),
    replace(NEW_IOCTL_NR, `${NEW_IOCTL_NR}#define DRM_${ioctl} 0x06\n`),
    replace(LAST_IOCTL, `${LAST_IOCTL}#define DRM_IOCTL_${ioctl} _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_${ioctl}, struct ${struct})\n`),
  ];
}

const DEBUG_IOCTL = '#define DRM_IOCTL_ACME_DEBUG _IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_DEBUG, struct acme_debug_args)\n';

/**
 * Single edits of the acme_accel.h benchmark header, each with the answer of the kernel's rule: a binary
 * built against the old header keeps working on every ABI. Order: layout edits, ioctl edits,
 * values (constants, flags, enums), then additions that must stay quiet.
 */
export const EDIT_DEFINITIONS: readonly EditDefinition[] = [
  {
    name: 'pad given a meaning at the same bytes',
    correct: 'compatible',
    why: 'callers had to zero the pad, so old binaries send 0, the new field\'s "nothing" value',
    replacements: [replace('\t__u32 ctx_id;\n\t__u32 pad;\n};\n\nstruct acme_cb_out', '\t__u32 ctx_id;\n\t__u32 flags;\n};\n\nstruct acme_cb_out')],
  },
  {
    name: 'reserved fields renumbered',
    correct: 'compatible',
    why: 'reserved0..2 -> reserved1..3 over the same zeroed bytes: names only',
    replacements: [replace('\t__u32 reserved0;\n\t__u32 reserved1;\n\t__u32 reserved2;\n', '\t__u32 reserved1;\n\t__u32 reserved2;\n\t__u32 reserved3;\n')],
  },
  {
    name: 'field moved (same-size swap)',
    correct: 'breaking',
    why: 'old binaries write ctx_id where the kernel now reads flags',
    replacements: [replace('\t__u32 ctx_id;\n\t__u32 flags;\n\t__u64 addr;', '\t__u32 flags;\n\t__u32 ctx_id;\n\t__u64 addr;')],
  },
  {
    name: 'u32 widened to u64 over its neighbour, same struct size (5.16.12 WAIT_CS)',
    correct: 'breaking',
    why: 'interrupt_timeout_us becomes the high half of target; the size and request number stay, so nothing else notices',
    replacements: [replace('\t__u32 target;\n\t__u32 interrupt_timeout_us;\n', '\t__u64 target;\n')],
  },
  {
    name: 'struct grown at the end of a DRM ioctl argument',
    correct: 'compatible',
    why: 'the DRM core copies the caller\'s size into a zeroed buffer and dispatches on _IOC_NR',
    replacements: [replace('\t__u32 target;\n\t__u32 interrupt_timeout_us;\n', '\t__u32 target;\n\t__u32 interrupt_timeout_us;\n\t__u64 interrupt_id;\n')],
  },
  {
    name: 'field inserted in the middle',
    correct: 'breaking',
    why: 'every field after queue_id moves 4 bytes',
    replacements: [replace('\t__u64 cb_handle;\n\t__u32 op;\n', '\t__u64 cb_handle;\n\t__u32 queue_id;\n\t__u32 op;\n')],
  },
  {
    name: 'field removed',
    correct: 'breaking',
    why: 'device_id and the reserved words move down into num_of_events\' bytes',
    replacements: [replace('\t__u32 num_of_events;\n', '')],
  },
  {
    name: 'field signedness changed',
    correct: 'breaking',
    why: 'same bytes, other meaning: a size of 2 GiB or more an old binary passes now reads negative',
    replacements: [replace('\t__u32 op;\n\t__u32 cb_size;\n', '\t__u32 op;\n\t__s32 cb_size;\n')],
  },
  {
    name: 'field renamed',
    correct: 'compatible',
    why: 'same type at the same bytes; only rebuilding old sources fails',
    replacements: [replace('\t__u32 op;\n\t__u32 cb_size;\n', '\t__u32 op;\n\t__u32 size;\n')],
  },
  {
    name: 'array element struct grown (stride changes)',
    correct: 'hazard',
    why: 'old binaries pack chunks 16 bytes apart and the kernel now reads them 24 bytes apart, but only the comment on chunks_execute says the chunks are an array: a header diff reports the condition; a spec that declares it makes it a proven break',
    replacements: [replace('\t__u32 queue_index;\n\t__u32 cb_size;\n};', '\t__u32 queue_index;\n\t__u32 cb_size;\n\t__u32 cs_chunk_flags;\n\t__u32 pad;\n};')],
  },
  {
    name: 'union member added',
    correct: 'compatible',
    why: 'another view of the same 4 bytes; the union keeps its size and the other members their bytes',
    replacements: [replace('\t\t__u32 ctx_id;\n\t};', '\t\t__u32 ctx_id;\n\t\t__u32 period_ms;\n\t};')],
  },
  {
    name: '__u64 -> __aligned_u64 where it moves the field on i386',
    correct: 'breaking',
    why: 'on i386 the timestamp moves from offset 4 to 8 and the struct grows 12 -> 16; x86_64 is unchanged',
    replacements: [replace('\t__u64 clk_throttling_timestamp_us;', '\t__aligned_u64 clk_throttling_timestamp_us;')],
  },
  {
    name: 'ioctl nr changed',
    correct: 'breaking',
    why: 'old binaries send nr 0x44; the kernel now expects 0x47 (ENOTTY)',
    replacements: [replace('#define DRM_ACME_DEBUG 0x04', '#define DRM_ACME_DEBUG 0x07')],
  },
  {
    name: 'ioctl type char changed',
    correct: 'breaking',
    why: 'the request number changes: old binaries get ENOTTY',
    replacements: [replace('_IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_DEBUG,', '_IOWR(\'A\', ACME_COMMAND_BASE + DRM_ACME_DEBUG,')],
  },
  {
    name: 'ioctl direction changed',
    correct: 'breaking',
    why: '_IOWR -> _IOW changes the request number, and the kernel stops copying the result back',
    replacements: [replace('_IOWR(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_DEBUG,', '_IOW(ACME_IOCTL_BASE, ACME_COMMAND_BASE + DRM_ACME_DEBUG,')],
  },
  {
    name: 'ioctl size changed on i386 only (argument now a new struct without the explicit pad)',
    correct: 'breaking',
    why: 'x86_64 keeps 16 bytes; on i386 user_data moves 8 -> 4 and the request number changes',
    replacements: [
      replace(BEFORE_IOCTL_NRS, `struct acme_notify_params {\n\t__u32 event_mask;\n\t__u64 user_data;\n};\n\n${BEFORE_IOCTL_NRS}`),
      replace('DRM_ACME_NOTIFY, struct acme_notify_args)', 'DRM_ACME_NOTIFY, struct acme_notify_params)'),
    ],
  },
  {
    name: 'ioctl removed',
    correct: 'breaking',
    why: 'old binaries calling it get ENOTTY',
    replacements: [replace(DEBUG_IOCTL, '')],
  },
  {
    name: 'new ioctl whose struct differs between 32 and 64 bits',
    correct: 'hazard',
    why: '12 bytes on i386, 16 on x86_64: no old binary uses it, but 32-bit callers on a 64-bit kernel are broken from day one unless the driver has a compat handler',
    replacements: newIoctl('ACME_TIMESTAMP', 'acme_timestamp_args', '\t__u32 engine_id;\n\t__u64 timestamp_ns;\n'),
  },
  {
    name: 'exported constant changed (GAUDI_FIRST_AVAILABLE_W_S_SYNC_OBJECT style)',
    correct: 'breaking',
    why: 'old binaries compiled in 48 and use sync objects the driver now owns',
    replacements: [replace('#define ACME_FIRST_AVAILABLE_SOB 48', '#define ACME_FIRST_AVAILABLE_SOB 144')],
  },
  {
    name: 'constant removed',
    correct: 'compatible',
    why: 'binaries keep the value they compiled in; only rebuilding fails',
    replacements: [replace('#define ACME_MAX_QUEUES 8\n', '')],
  },
  {
    name: 'flag bit changed',
    correct: 'breaking',
    why: 'old binaries send 0x4 for WAIT; the kernel now reads 0x8',
    replacements: [replace('#define ACME_CS_FLAGS_WAIT 0x4', '#define ACME_CS_FLAGS_WAIT 0x8')],
  },
  {
    name: 'new flag collides with an existing bit',
    correct: 'breaking',
    why: 'old binaries asking for SIGNAL (0x2) now also get STAGED_SUBMISSION',
    replacements: [replace('#define ACME_CS_FLAGS_WAIT 0x4\n', '#define ACME_CS_FLAGS_WAIT 0x4\n#define ACME_CS_FLAGS_STAGED_SUBMISSION 0x2\n')],
  },
  {
    name: 'opcode value changed',
    correct: 'breaking',
    why: 'old binaries send 1 to destroy a buffer; the kernel now reads it as something else',
    replacements: [replace('#define ACME_CB_OP_DESTROY 1', '#define ACME_CB_OP_DESTROY 2')],
  },
  {
    name: 'enum value changed',
    correct: 'breaking',
    why: 'old binaries pass EXT = 1; the kernel now reads 4',
    replacements: [replace('\tACME_QUEUE_TYPE_EXT,\n', '\tACME_QUEUE_TYPE_EXT = 4,\n')],
  },
  {
    name: 'enumerator inserted mid-enum',
    correct: 'breaking',
    why: 'INT and CPU shift up by one',
    replacements: [replace('\tACME_QUEUE_TYPE_EXT,\n', '\tACME_QUEUE_TYPE_EXT,\n\tACME_QUEUE_TYPE_DMA,\n')],
  },
  {
    name: 'enumerator appended, sentinel _LAST moved',
    correct: 'compatible',
    why: 'existing values keep their numbers; the sentinel marks the end of the range and sizes nothing here',
    replacements: [replace(
      '\tACME_DEVICE_STATUS_MALFUNCTION,\n\tACME_DEVICE_STATUS_LAST = ACME_DEVICE_STATUS_MALFUNCTION\n',
      '\tACME_DEVICE_STATUS_MALFUNCTION,\n\tACME_DEVICE_STATUS_IN_DEVICE_CREATION,\n\tACME_DEVICE_STATUS_LAST = ACME_DEVICE_STATUS_IN_DEVICE_CREATION\n',
    )],
  },
  {
    name: 'enumerator appended',
    correct: 'compatible',
    why: 'existing values keep their numbers',
    replacements: [replace('\tACME_QUEUE_TYPE_CPU\n', '\tACME_QUEUE_TYPE_CPU,\n\tACME_QUEUE_TYPE_HW\n')],
  },
  {
    name: 'flag added on a free bit',
    correct: 'compatible',
    why: 'old binaries never set 0x8',
    replacements: [replace('#define ACME_CS_FLAGS_WAIT 0x4\n', '#define ACME_CS_FLAGS_WAIT 0x4\n#define ACME_CS_FLAGS_TIMESTAMP 0x8\n')],
  },
  {
    name: 'ioctl added (same layout on every ABI)',
    correct: 'compatible',
    why: 'old binaries do not call it',
    replacements: newIoctl('ACME_TIMESTAMP', 'acme_timestamp_args', '\t__u32 engine_id;\n\t__u32 pad;\n\t__u64 timestamp_ns;\n'),
  },
];

/** Every edit applied to the benchmark header; problems name catalogue entries that do not apply. */
export function headerEdits(): { edits: HeaderEdit[]; problems: string[] } {
  const edits: HeaderEdit[] = [];
  const problems: string[] = [];
  for (const d of EDIT_DEFINITIONS) {
    const r = applyEdit(ACME_ACCEL_HEADER, d);
    problems.push(...r.problems);
    if (r.edit !== undefined) edits.push(r.edit);
  }
  return { edits, problems };
}
