import { packets } from '../../emulator/device/packets';
import type { Benchmark } from '../benchmark';
import { openSession } from './runtime-session';

/**
 * Submit + wait per second: a command buffer of NOP, a register write and STOP on a DMA queue,
 * parsed and validated on every submission, run on the virtual clock, waited for.
 */
export const csRoundtripBenchmark: Benchmark = {
  name: 'emulator.cs_roundtrip',
  unit: 'ops/s',
  description: 'DRM_IOCTL_HL_CS + DRM_IOCTL_HL_WAIT_CS of a 3-packet command buffer',
  setup() {
    const { hl } = openSession();
    const stream = packets().nop().wreg32(0x100, 1).stop().bytes();
    const cb = hl.cb.create(stream.length);
    if (!cb.ok) throw new Error(`bench: CB create failed (errno ${cb.errno})`);
    hl.cb.write(cb.value, stream);
    const submission = { execute: [{ cb: cb.value, queue: 0, size: stream.length }] };
    return {
      run: () => {
        const seq = hl.cs.submit(submission);
        if (!seq.ok) return false;
        const w = hl.waitCs(seq.value, 1_000_000);
        return w.ok && w.value.status === 0;
      },
      teardown: () => { hl.close(); },
    };
  },
};
