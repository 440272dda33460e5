import type { Benchmark } from './benchmark';
import { codecHwIpBenchmark } from './benchmarks/codec-hw-ip-roundtrip';
import { csRoundtripBenchmark } from './benchmarks/emulator-cs-roundtrip';
import { infoHwIpBenchmark } from './benchmarks/emulator-info-hw-ip';
import { infoIoctlBenchmark } from './benchmarks/emulator-info-ioctl';

/** Every benchmark `npm run bench` runs, in order. Add a file under benchmarks/ and list it here. */
export const BENCHMARKS: readonly Benchmark[] = [infoIoctlBenchmark, infoHwIpBenchmark, csRoundtripBenchmark, codecHwIpBenchmark];
