import { findAbi, type Abi } from '../../harness/core/layout/abi';
import { codecFor } from '../../harness/core/codec';
import { spec } from '../../specs/habanalabs/spec';
import type { Benchmark } from '../benchmark';

/** Codec alone: encode and decode hl_info_hw_ip_info in place on x86_64. */
export const codecHwIpBenchmark: Benchmark = {
  name: 'codec.hw_ip_info_roundtrip',
  unit: 'ops/s',
  description: 'write + read of hl_info_hw_ip_info (304 bytes) with the compiled codec',
  setup() {
    const codec = codecFor<{ device_id: number }>(spec, findAbi('x86_64') as Abi, 'hl_info_hw_ip_info');
    if (codec === undefined) throw new Error('bench: spec has no hl_info_hw_ip_info');
    const view = new DataView(new ArrayBuffer(codec.size));
    const value = codec.read(view, 0);
    value.device_id = 0x1020;
    return { run: () => codec.write(view, 0, value) === undefined && codec.read(view, 0).device_id === 0x1020 };
  },
};
