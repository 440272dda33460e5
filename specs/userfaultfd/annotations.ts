// Annotations for linux/userfaultfd.h (spec.ts is what `uapi import` writes from the header; this file
// is kept across re-imports). What is said here is what the real kernel does, measured through the
// native backend on Linux 6.18.44 (x86_64, root, /dev/userfaultfd): see the README, "Native backend",
// for the findings and harness/userspace/native/userfaultfd.test.ts for the calls that show them.
//
// How userfaultfd differs from a DRM driver, and so from the suite's conventions:
// - Two files: /dev/userfaultfd answers only USERFAULTFD_IOC_NEW (a plain integer argument: the flags
//   O_CLOEXEC | O_NONBLOCK | UFFD_USER_MODE_ONLY) and returns a new descriptor, the userfaultfd; every
//   UFFDIO_* goes to that descriptor. USERFAULTFD_IOC_NEW and UFFDIO_REGISTER share type 0xAA nr 0x00.
// - Dispatch is on the whole request number (switch (cmd)): no size extension, and an unknown command,
//   another size of a known one, or any UFFDIO_* before the UFFDIO_API handshake is EINVAL, not ENOTTY.
// - UFFDIO_API succeeds once per userfaultfd (a second call is EINVAL); when it fails it writes the
//   whole struct back as zeros.
// - The range ioctls write their outcome into their last field (copy, zeropage, mapped, updated, move):
//   bytes done, or a negative errno (-EEXIST, -ENOENT, -EFAULT) beside the ioctl's own -1/errno. That
//   field is never read (copy_from_user stops before it).
// - Addresses in uffdio_range/dst are ranges of the caller's address space, not buffers the kernel
//   copies: an unregistered or unmapped destination is ENOENT, a misaligned or empty range EINVAL.
//   Only uffdio_copy.src is read through copy_from_user (EFAULT when unreadable).
import { defineAnnotations } from 'uapi-harness/dsl';

// The DRM-convention errnos that userfaultfd shares; each ioctl adds what it has beyond them. A range
// no registration of this userfaultfd covers (or one without a mapping) is the kernel's unknown
// object: ENOENT, the errno the DRM convention gives an unknown handle, so it is declared as that class.
const rangeErrnos = { outOfRange: 'EINVAL', badPointer: 'EFAULT', staleHandle: 'ENOENT' } as const;

export const annotations = defineAnnotations({
  version: '1.0.0',
  fields: {
    'uffd_msg.event': { oneOf: 'uffd_event' },
    'uffd_msg.reserved1': { role: 'reserved' },
    'uffd_msg.reserved2': { role: 'reserved' },
    'uffd_msg.reserved3': { role: 'reserved' },
    'uffdio_api.api': { dir: 'inout', oneOf: 'uffd_api' },
    'uffdio_api.features': { dir: 'inout', flags: 'uffd_features' },
    'uffdio_api.ioctls': { dir: 'out' },
    'uffdio_range.start': { dir: 'in' },
    'uffdio_range.len': { dir: 'in' },
    'uffdio_register.mode': { dir: 'in', flags: 'uffdio_register_mode' },
    'uffdio_register.ioctls': { dir: 'out' },
    'uffdio_copy.dst': { dir: 'in' },
    'uffdio_copy.len': { dir: 'in' },
    'uffdio_copy.src': { dir: 'in', userPointer: { lengthField: 'len', lengthUnit: 'bytes', dir: 'in' } },
    'uffdio_copy.mode': { dir: 'in', flags: 'uffdio_copy_mode' },
    'uffdio_copy.copy': { dir: 'out' },
    'uffdio_zeropage.mode': { dir: 'in', flags: 'uffdio_zeropage_mode' },
    'uffdio_zeropage.zeropage': { dir: 'out' },
    'uffdio_writeprotect.mode': { dir: 'in', flags: 'uffdio_writeprotect_mode' },
    'uffdio_continue.mode': { dir: 'in', flags: 'uffdio_continue_mode' },
    'uffdio_continue.mapped': { dir: 'out' },
    'uffdio_poison.mode': { dir: 'in', flags: 'uffdio_poison_mode' },
    'uffdio_poison.updated': { dir: 'out' },
    'uffdio_move.dst': { dir: 'in' },
    'uffdio_move.src': { dir: 'in' },
    'uffdio_move.len': { dir: 'in' },
    'uffdio_move.mode': { dir: 'in', flags: 'uffdio_move_mode' },
    'uffdio_move.move': { dir: 'out' },
  },
  ioctls: {
    USERFAULTFD_IOC_NEW: {
      errno: { unknownFlags: 'EINVAL', exhausted: 'EMFILE' },
      doc: 'On /dev/userfaultfd only: a new userfaultfd for the caller\'s mm; the argument is the flags (O_CLOEXEC, O_NONBLOCK, UFFD_USER_MODE_ONLY), returned value the descriptor.',
    },
    UFFDIO_API: {
      errno: { badValue: 'EINVAL', unknownFlags: 'EINVAL', badPointer: 'EFAULT', privileged: 'EPERM', busy: 'EINVAL' },
      doc: 'Handshake, once per userfaultfd: api must be UFFD_API; answers every feature and the ioctls bitmask. A second call (busy) is EINVAL; any failure zeroes the struct. UFFD_FEATURE_EVENT_FORK needs CAP_SYS_PTRACE (EPERM).',
    },
    UFFDIO_REGISTER: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', badValue: 'EINVAL', busy: 'EBUSY', exhausted: 'ENOMEM' },
      doc: 'Register a page-aligned range of the caller\'s mappings in mode MISSING, WP and/or MINOR (mode 0 is EINVAL); answers the range ioctls available. A range another userfaultfd registered is EBUSY.',
    },
    UFFDIO_UNREGISTER: {
      errno: rangeErrnos,
      doc: 'Unregister a page-aligned range. _IOR although the kernel reads it (the header says so).',
    },
    UFFDIO_WAKE: {
      errno: rangeErrnos,
      doc: 'Wake threads waiting on faults in a range. _IOR although the kernel reads it.',
    },
    UFFDIO_COPY: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EAGAIN', exhausted: 'ENOMEM' },
      doc: 'Copy len bytes from src into the registered missing range at dst; copy answers the bytes copied or -errno. dst outside a registered range is ENOENT, an already populated page EEXIST.',
    },
    UFFDIO_ZEROPAGE: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EAGAIN', exhausted: 'ENOMEM' },
      doc: 'Map zero pages into a registered missing range; zeropage answers the bytes done or -errno (ENOENT unregistered, EEXIST populated).',
    },
    UFFDIO_WRITEPROTECT: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EAGAIN' },
      doc: 'Set (MODE_WP) or clear write protection on a range registered with MODE_WP; another range is ENOENT.',
    },
    UFFDIO_CONTINUE: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EAGAIN', unsupported: 'EINVAL' },
      doc: 'Resolve a minor fault by mapping the page already in the page cache (shmem, hugetlbfs: anonymous memory is EINVAL); mapped answers the bytes done or -errno.',
    },
    UFFDIO_POISON: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EAGAIN' },
      doc: 'Mark a registered missing range poisoned (later accesses SIGBUS); updated answers the bytes done or -errno.',
    },
    UFFDIO_MOVE: {
      errno: { ...rangeErrnos, unknownFlags: 'EINVAL', busy: 'EBUSY', badValue: 'EINVAL' },
      doc: 'Move populated anonymous pages from src to the registered range at dst (holes in src are ENOENT unless MODE_ALLOW_SRC_HOLES); move answers the bytes moved or -errno.',
    },
  },
  groups: {
    uffd_api: { of: 'values', members: ['UFFD_API'], doc: 'The one API number UFFDIO_API accepts.' },
    uffd_features: {
      of: 'flags',
      members: [
        'UFFD_FEATURE_PAGEFAULT_FLAG_WP', 'UFFD_FEATURE_EVENT_FORK', 'UFFD_FEATURE_EVENT_REMAP', 'UFFD_FEATURE_EVENT_REMOVE',
        'UFFD_FEATURE_MISSING_HUGETLBFS', 'UFFD_FEATURE_MISSING_SHMEM', 'UFFD_FEATURE_EVENT_UNMAP', 'UFFD_FEATURE_SIGBUS',
        'UFFD_FEATURE_THREAD_ID', 'UFFD_FEATURE_MINOR_HUGETLBFS', 'UFFD_FEATURE_MINOR_SHMEM', 'UFFD_FEATURE_EXACT_ADDRESS',
        'UFFD_FEATURE_WP_HUGETLBFS_SHMEM', 'UFFD_FEATURE_WP_UNPOPULATED', 'UFFD_FEATURE_POISON', 'UFFD_FEATURE_WP_ASYNC',
        'UFFD_FEATURE_MOVE',
      ],
      doc: 'uffdio_api.features: asked for on the way in, every one the kernel has on the way out (UFFD_API_FEATURES).',
    },
    uffdio_ioctl_nr: {
      of: 'values',
      members: ['_UFFDIO_REGISTER', '_UFFDIO_UNREGISTER', '_UFFDIO_WAKE', '_UFFDIO_COPY', '_UFFDIO_ZEROPAGE', '_UFFDIO_MOVE', '_UFFDIO_WRITEPROTECT', '_UFFDIO_CONTINUE', '_UFFDIO_POISON', '_UFFDIO_API'],
      doc: 'Command numbers; bit n of the `ioctls` answers of UFFDIO_API and UFFDIO_REGISTER says command n is available.',
    },
    uffd_event: { of: 'values', members: ['UFFD_EVENT_PAGEFAULT', 'UFFD_EVENT_FORK', 'UFFD_EVENT_REMAP', 'UFFD_EVENT_REMOVE', 'UFFD_EVENT_UNMAP'], doc: 'uffd_msg.event, read(2) from the userfaultfd.' },
    uffd_pagefault_flags: { of: 'flags', members: ['UFFD_PAGEFAULT_FLAG_WRITE', 'UFFD_PAGEFAULT_FLAG_WP', 'UFFD_PAGEFAULT_FLAG_MINOR'] },
    uffdio_register_mode: { of: 'flags', members: ['UFFDIO_REGISTER_MODE_MISSING', 'UFFDIO_REGISTER_MODE_WP', 'UFFDIO_REGISTER_MODE_MINOR'] },
    uffdio_copy_mode: { of: 'flags', members: ['UFFDIO_COPY_MODE_DONTWAKE', 'UFFDIO_COPY_MODE_WP'] },
    uffdio_zeropage_mode: { of: 'flags', members: ['UFFDIO_ZEROPAGE_MODE_DONTWAKE'] },
    uffdio_writeprotect_mode: { of: 'flags', members: ['UFFDIO_WRITEPROTECT_MODE_WP', 'UFFDIO_WRITEPROTECT_MODE_DONTWAKE'] },
    uffdio_continue_mode: { of: 'flags', members: ['UFFDIO_CONTINUE_MODE_DONTWAKE', 'UFFDIO_CONTINUE_MODE_WP'] },
    uffdio_poison_mode: { of: 'flags', members: ['UFFDIO_POISON_MODE_DONTWAKE'] },
    uffdio_move_mode: { of: 'flags', members: ['UFFDIO_MOVE_MODE_DONTWAKE', 'UFFDIO_MOVE_MODE_ALLOW_SRC_HOLES'] },
    uffd_ioctl_new_flags: { of: 'flags', members: ['UFFD_USER_MODE_ONLY'], doc: 'With O_CLOEXEC and O_NONBLOCK: the argument of USERFAULTFD_IOC_NEW (and of userfaultfd(2)).' },
  },
  lintWaivers: {
    uffd_msg: [
      { rule: 'S2', reason: 'arg.pagefault ends in 4 bytes of tail padding (20 bytes of fields, 8-aligned), but it is a member of the 24-byte union arg: uffd_msg is 32 bytes on every ABI and the kernel memsets it before filling (msg_init)' },
      { rule: 'S3', reason: 'arg.pagefault is 20 bytes on i386; the union arg around it is 24 bytes everywhere (remap, reserved), so uffd_msg does not change' },
      { rule: 'S5', reason: 'arg.pagefault is 20 bytes on i386 and 24 on x86_64 inside a 24-byte union: the offsets of its fields and of every uffd_msg field are the same on both' },
    ],
    uffdio_register: [
      { rule: 'S12', reason: 'USERFAULTFD_IOC_NEW (0xAA, 0x00) is an ioctl of /dev/userfaultfd and UFFDIO_REGISTER (0xAA, 0x00) one of the userfaultfd it returns: two files, two dispatchers' },
    ],
    uffdio_writeprotect: [
      { rule: 'S9', reason: 'UFFDIO_WRITEPROTECT is _IOWR but the kernel copies nothing back (userfaultfd_writeprotect has no copy_to_user): the header says more than the ioctl does, and the request number is ABI now' },
    ],
    uffdio_range: [
      { rule: 'S9', reason: 'UFFDIO_UNREGISTER and UFFDIO_WAKE are _IOR although the kernel reads uffdio_range: the header documents the mistake, and the request numbers are ABI now' },
    ],
  },
});
