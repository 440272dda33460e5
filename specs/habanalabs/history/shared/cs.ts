import { anonymous, array, field, struct, u16, u32, u64, u8, union, values } from 'uapi-harness/dsl';
// Frozen copy for the release history (see ../README.md): never edited to follow the current spec.

// DRM_IOCTL_HL_CS: command submission. A submission (CS) is a set of jobs, each a chunk naming a
// command buffer and a queue; the ioctl enqueues them and returns a sequence number to wait on.
// The same ioctl also reserves and releases encapsulated signals and sends engine-control commands,
// selected by cs_flags, each of which gives the leading unions another meaning.

export const hl_cs_chunk = struct('hl_cs_chunk', {
  buffer: anonymous(union({
    cb_handle: u64.in().handle('cb')
      .doc('Command buffer of the job: a CB handle, or (internal queues, USER_ALLOC_CB) a device address.'),
    signal_seq_arr: u64.in().userPointer({ dir: 'in' })
      .doc('WAIT/COLLECTIVE_WAIT: user array of num_signal_seq_arr __u64 signal sequence numbers.'),
    encaps_signal_seq: u64.in().handle('cs')
      .doc('WAIT with ENCAP_SIGNALS: sequence of the submission that holds the encapsulated signals.'),
  })),
  queue_index: u32.in().doc('Queue of the job: enum <asic>_queue_id.'),
  length: anonymous(union({
    cb_size: u32.in().doc('Bytes of valid packets in the command buffer.'),
    num_signal_seq_arr: u32.in().doc('WAIT/COLLECTIVE_WAIT: entries in signal_seq_arr.'),
    encaps_signal_offset: u32.in().doc('WAIT with ENCAP_SIGNALS: which signal of the reserved range to wait for.'),
  })),
  cs_chunk_flags: u32.in().flags('hl_cs_chunk_flags'),
  collective_engine_id: u32.in().doc('COLLECTIVE_WAIT: engine the wait syncs with, besides all NICs.'),
  pad: array(u32, 10).pad(),
}, { doc: 'One job of a submission; fixed at 64 bytes so chunk arrays keep their stride.' });

export const hlCsStatus = values('hl_cs_status', {
  HL_CS_STATUS_SUCCESS: 0,
}, 'Values of `hl_cs_out.status`.');

// chunks_restore/chunks_execute count their elements in num_chunks_restore/num_chunks_execute, members
// of hl_cs_in itself (outside the anonymous union), as the annotations say.
export const hl_cs_in = struct('hl_cs_in', {
  work: anonymous(union({
    jobs: anonymous(struct({
      chunks_restore: u64.in()
        .userPointer({ lengthField: 'num_chunks_restore', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
        .doc('User array of hl_cs_chunk, run after a context switch.'),
      chunks_execute: u64.in()
        .userPointer({ lengthField: 'num_chunks_execute', lengthUnit: 'elements', elementType: 'hl_cs_chunk', dir: 'in' })
        .doc('User array of hl_cs_chunk to execute.'),
    })),
    engine_core_command: anonymous(struct({
      engine_cores: u64.in().userPointer({ lengthField: 'num_engine_cores', lengthUnit: 'elements', elementType: '__u32', dir: 'in' })
        .doc('ENGINE_CORE_COMMAND: user array of engine-core ids.'),
      num_engine_cores: u32.in(),
      core_command: u32.in().oneOf('hl_engine_command').doc('HL_ENGINE_CORE_HALT or HL_ENGINE_CORE_RUN.'),
    })),
    engines_command: anonymous(struct({
      engines: u64.in().userPointer({ dir: 'in' })
        .doc('ENGINES_COMMAND: user array of num_engines __u32 engine ids.'),
      num_engines: u32.in(),
      engine_command: u32.in().oneOf('hl_engine_command').doc('HL_ENGINE_STALL or HL_ENGINE_RESUME.'),
    })),
  })),
  staged: anonymous(union({
    seq: u64.in().handle('cs').doc('Staged submission: sequence of its first part (not with STAGED_SUBMISSION_FIRST).'),
    encaps_sig_handle_id: u32.in().handle('encaps_signals')
      .doc('Reservation to use (staged with ENCAP_SIGNALS) or release (UNRESERVE_SIGNALS_ONLY).'),
    reserve: anonymous(struct({
      encaps_signals_count: u32.in().doc('RESERVE_SIGNALS_ONLY: signals to reserve.'),
      encaps_signals_q_idx: u32.in().doc('RESERVE_SIGNALS_ONLY: queue (stream) to reserve on.'),
    })),
  })),
  num_chunks_restore: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  num_chunks_execute: u32.in().doc('At most HL_MAX_JOBS_PER_CS.'),
  timeout: u32.in().doc('Seconds; used with HL_CS_FLAGS_CUSTOM_TIMEOUT.'),
  cs_flags: u32.in().flags('hl_cs_flags'),
  ctx_id: u32.in().doc('Not used.'),
  pad: array(u8, 4).pad(),
}, { doc: 'Input half of DRM_IOCTL_HL_CS.' });

export const hl_cs_out = struct('hl_cs_out', {
  result: anonymous(union({
    seq: u64.out().handle('cs').doc('Sequence number to wait on; never 0 or all ones.'),
    reservation: anonymous(struct({
      handle_id: u32.out().handle('encaps_signals').doc('RESERVE_SIGNALS_ONLY: the reservation.'),
      count: u32.out().doc('RESERVE_SIGNALS_ONLY: signals reserved.'),
    })),
  })),
  status: u32.out().oneOf('hl_cs_status'),
  sob_base_addr_offset: u32.out().doc('SIGNAL or RESERVE_SIGNALS_ONLY: offset of the sync object from the config base.'),
  sob_count_before_submission: u16.out().doc('SIGNAL or staged ENCAP_SIGNALS: the sync object count before this submission.'),
  pad: array(u16, 3).pad(),
}, { doc: 'Output half of DRM_IOCTL_HL_CS.' });

export const hl_cs_args = union('hl_cs_args', {
  in: field(hl_cs_in).in(),
  out: field(hl_cs_out).out(),
}, { doc: 'Argument of DRM_IOCTL_HL_CS.' });
