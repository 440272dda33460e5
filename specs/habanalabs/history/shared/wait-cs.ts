import { anonymous, array, field, flags, s64, struct, u32, u64, u8, union, values } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// DRM_IOCTL_HL_WAIT_CS: wait for a submission (by sequence number), for any of several submissions
// (MULTI_CS), or for a user interrupt to bring a counter to a target value (INTERRUPT). The struct grew
// 24 -> 32 -> 40 -> 56 bytes over the releases; the driver zero-extends what older callers pass.

export const hl_wait_cs_in = struct('hl_wait_cs_in', {
  target_of_wait: anonymous(union({
    cs: anonymous(struct({
      seq: u64.in().handle('cs')
        .doc('Submission to wait for; with MULTI_CS a user pointer to seq_arr_len __u64 sequence numbers.'),
      timeout_us: u64.in().doc('Timeout in microseconds; 0 polls without sleeping.'),
    })),
    interrupt: anonymous(struct({
      counter: anonymous(union({
        addr: u64.in().userPointer({ dir: 'in' })
          .doc('INTERRUPT: user address of the __u64 compared with target; all ones compares nothing.'),
        cq_counters_handle: u64.in().handle('cb')
          .doc('INTERRUPT_KERNEL_CQ: kernel-mapped CB holding the CQ counters.'),
      })),
      target: u64.in().doc('Value the counter must reach.'),
    })),
  })),
  ctx_id: u32.in().doc('Not used.'),
  flags: u32.in().flags('hl_wait_cs_flags'),
  multi_or_interrupt: anonymous(union({
    multi: anonymous(struct({
      seq_arr_len: u8.in().doc('MULTI_CS: entries in the seq array, at most HL_WAIT_MULTI_CS_LIST_MAX_LEN.'),
      pad: array(u8, 7).pad(),
    })),
    interrupt_timeout_us: u64.in().doc('INTERRUPT: timeout in microseconds.'),
  })),
  cq_counters_offset: u64.in().doc('INTERRUPT_KERNEL_CQ: offset of the counter inside that CB.'),
  timestamp_handle: u64.in().handle('ts_buff').doc('REGISTER_INTERRUPT: timestamp buffer from HL_MEM_OP_TS_ALLOC.'),
  timestamp_offset: u64.in().doc('REGISTER_INTERRUPT: where in that buffer the timestamp goes.'),
}, { doc: 'Input half of DRM_IOCTL_HL_WAIT_CS.' });

export const hlWaitCsStatus = values('hl_wait_cs_status', {
  HL_WAIT_CS_STATUS_COMPLETED: 0,
  HL_WAIT_CS_STATUS_BUSY: { value: 1, doc: 'Still running when the timeout expired (the ioctl itself succeeds).' },
  HL_WAIT_CS_STATUS_TIMEDOUT: { value: 2, doc: 'The submission timed out on the device (the ioctl fails with ETIMEDOUT).' },
  HL_WAIT_CS_STATUS_ABORTED: { value: 3, doc: 'The submission was aborted, usually by a reset (the ioctl fails with EIO).' },
}, 'Values of `hl_wait_cs_out.status`.');

export const hlWaitCsStatusFlags = flags('hl_wait_cs_status_flags', {
  HL_WAIT_CS_STATUS_FLAG_GONE: 0x1, // The submission completed so long ago that the driver forgot it.
  HL_WAIT_CS_STATUS_FLAG_TIMESTAMP_VLD: 0x2, // timestamp_nsec is valid.
}, 'Flags of `hl_wait_cs_out.flags`.');

export const hl_wait_cs_out = struct('hl_wait_cs_out', {
  status: u32.out().oneOf('hl_wait_cs_status'),
  flags: u32.out().flags('hl_wait_cs_status_flags'),
  timestamp_nsec: s64.out().doc('Completion time (of the first completed submission with MULTI_CS).'),
  cs_completion_map: u32.out().doc('MULTI_CS: bit i set when seq[i] completed.'),
  pad: u32.pad(),
}, { doc: 'Output half of DRM_IOCTL_HL_WAIT_CS.' });

export const hl_wait_cs_args = union('hl_wait_cs_args', {
  in: field(hl_wait_cs_in).in(),
  out: field(hl_wait_cs_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_WAIT_CS.' });
