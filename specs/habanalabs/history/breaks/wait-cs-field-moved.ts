import { anonymous, array, defineSpec, struct, u32, u64, u8, union } from 'uapi-harness/dsl';

/**
 * Real break 3 (5.16 -> 5.16.12, a stable update): inside hl_wait_cs_in, interrupt_timeout_us went
 * from a __u32 at offset 28 (5.16, behind seq_arr_len and three pad bytes) to a __u64 at offset 24
 * sharing a union with seq_arr_len. The struct kept its size, so the request number, and with it
 * every binary's idea of the call, stayed the same while the field moved.
 *
 * Replayed against the current spec (whose layout is the 5.16.12 one) as the same pair of layouts:
 * the candidate puts interrupt_timeout_us back where 5.16 had it. The struct stays 56 bytes and
 * DRM_IOCTL_HL_WAIT_CS stays 0xc0386443; only the field's place and width change.
 */

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
  // The 5.16 arrangement: no union, the timeout a __u32 after the pad.
  seq_arr_len: u8.in().doc('MULTI_CS: entries in the seq array, at most HL_WAIT_MULTI_CS_LIST_MAX_LEN.'),
  pad: array(u8, 3).pad(),
  interrupt_timeout_us: u32.in().doc('INTERRUPT: timeout in microseconds.'),
  cq_counters_offset: u64.in().doc('INTERRUPT_KERNEL_CQ: offset of the counter inside that CB.'),
  timestamp_handle: u64.in().handle('ts_buff').doc('REGISTER_INTERRUPT: timestamp buffer from HL_MEM_OP_TS_ALLOC.'),
  timestamp_offset: u64.in().doc('REGISTER_INTERRUPT: where in that buffer the timestamp goes.'),
}, { doc: 'Input half of DRM_IOCTL_HL_WAIT_CS.' });

export const edits = defineSpec({ name: 'habanalabs', version: '1.5.0', types: [hl_wait_cs_in] });
