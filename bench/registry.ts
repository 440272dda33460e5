import type { Benchmark, LoadedBenchmark } from './benchmark';
import { codecHwIpBenchmark } from './benchmarks/codec-hw-ip-roundtrip';
import { headerPairComparison } from './benchmarks/compare-header-pair';
import { realPairsComparison } from './benchmarks/compare-real-pairs';
import { diffChangesBenchmark } from './benchmarks/diff-changes';
import { csRoundtripBenchmark } from './benchmarks/emulator-cs-roundtrip';
import { infoHwIpBenchmark } from './benchmarks/emulator-info-hw-ip';
import { infoIoctlBenchmark } from './benchmarks/emulator-info-ioctl';
import { layoutTypesBenchmark } from './benchmarks/layout-types';
import { nativeUffdIoctlBenchmark } from './benchmarks/native-uffd-ioctl';
import { pbtIoctlsBenchmark } from './benchmarks/pbt-ioctls';
import { nativePbtIoctlsBenchmark } from './benchmarks/native-pbt-ioctls';
import { exactWholeTree } from './benchmarks/exact-whole-tree';
import { hugeInputs } from './benchmarks/huge-inputs';
import { realHistoryScore } from './benchmarks/real-history';
import { wholeUapiScale } from './benchmarks/scale-whole-uapi';
import { startupHelp } from './benchmarks/startup-help';
import { wasmHeaderPair } from './benchmarks/wasm-header-pair';
import type { Measurement } from './measurement';

/** Every rate benchmark `npm run bench` runs, in order. Add a file under benchmarks/ and list it here. */
export const BENCHMARKS: readonly Benchmark[] = [infoIoctlBenchmark, infoHwIpBenchmark, csRoundtripBenchmark, codecHwIpBenchmark, layoutTypesBenchmark, pbtIoctlsBenchmark];

/** Rate benchmarks whose state is prepared asynchronously (untimed), run after those above. */
export const LOADED_BENCHMARKS: readonly LoadedBenchmark[] = [diffChangesBenchmark, nativeUffdIoctlBenchmark, nativePbtIoctlsBenchmark];

/** The start-up measurement, comparisons with check-uapi.sh's pipeline (one small pair, the WebAssembly clang on it, real pairs), the whole-uAPI run, the judged corpus, the whole-tree exactness run and the huge inputs, last (they take the longest). */
export const MEASUREMENTS: readonly Measurement[] = [startupHelp, headerPairComparison, wasmHeaderPair, realPairsComparison, wholeUapiScale, realHistoryScore, exactWholeTree, hugeInputs];

/** Every figure name the bench can print, in order (contract names). */
export function allFigureNames(): string[] {
  return [...BENCHMARKS.map((b) => b.name), ...LOADED_BENCHMARKS.map((b) => b.name), ...MEASUREMENTS.flatMap((m) => m.figures)];
}
