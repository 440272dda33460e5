import type { MutationId } from '../../../../emulator/mutations';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import type { DeviceUnderTest } from '../../devices/device-under-test';
import type { CorpusEntry } from '../run/corpus';
import { failureOf, writeFailureFile } from '../run/failure-file';
import { replayCommand, replayFileCommand } from '../run/replay-command';
import type { PropertyOutcome } from '../run/run-property';
import { runSuite } from '../run/suite';
import type { FuzzFailure, FuzzPropertyStats, FuzzReport } from './fuzz-report';
import { roundOf, shardText, type Shard } from './shard';

export interface FuzzOptions {
  readonly spec: Spec;
  /** How the spec was named on the command line (for replay commands). */
  readonly specArg: string;
  readonly abis: readonly Abi[];
  readonly seed: number;
  readonly shard: Shard;
  readonly timeMs: number;
  /** Run exactly this many rounds instead (no time box: the same counts every time). */
  readonly rounds?: number;
  /** Runs per property per round. */
  readonly runsPerRound: number;
  readonly corpus: readonly CorpusEntry[];
  readonly mutations?: readonly MutationId[];
  /** The device under test (default: the emulated habanalabs core) and the node `--device` named. */
  readonly device?: DeviceUnderTest;
  readonly node?: string;
  /** Where failure files go (none written without). */
  readonly failuresDir?: string;
  readonly onProgress?: (p: FuzzProgress) => void;
}

export interface FuzzProgress {
  readonly elapsedMs: number;
  readonly timeMs: number;
  readonly ioctls: number;
  readonly runs: number;
  readonly failures: number;
  readonly rounds: number;
}

/**
 * A time-boxed run of the suite for nightly jobs: the regression corpus, then rounds of every
 * property (each round with seeds derived from the run's seed and the round number) until the time
 * is up. A shard runs only its rounds (see roundOf), so shards split one logical run; the same
 * (seed, shard) always runs the same rounds in the same order, and a longer time only runs more.
 * Each distinct failure (property, context, rule) is kept once, written to a failure file when a
 * folder is given, with the command that replays it.
 */
export function fuzz(o: FuzzOptions): FuzzReport {
  const now = Date.now;
  const started = now();
  const deadline = o.rounds === undefined ? started + o.timeMs : undefined;
  const counter = { ioctls: 0 };
  const backend = o.device?.backend ?? 'emulated';
  const failures: FuzzFailure[] = [];
  const seen = new Set<string>();
  const stats = new Map<string, { runs: number; ioctls: number }>();
  let runs = 0;
  let rounds = 0;
  const record = (x: PropertyOutcome): void => {
    runs += x.runs;
    const s = stats.get(x.name) ?? { runs: 0, ioctls: 0 };
    s.runs += x.runs;
    s.ioctls += x.ioctls;
    stats.set(x.name, s);
    if (x.verdict !== 'fail') return;
    const key = `${x.name}|${x.rule ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    const f = failureOf(x, `${o.spec.name} ${o.spec.version}`, o.mutations ?? [], backend);
    const file = o.failuresDir !== undefined ? writeFailureFile(o.failuresDir, f) : undefined;
    const command = file !== undefined ? replayFileCommand(o.specArg, file, o.node)
      : replayCommand({ specArg: o.specArg, property: x.id, abi: x.abi, ...(x.mirror !== undefined ? { mirror: x.mirror } : {}), seed: x.seed, ...(x.path !== undefined ? { path: x.path } : {}), ...(x.replayPath !== undefined ? { replayPath: x.replayPath } : {}), mutations: o.mutations ?? [], backend, ...(o.node !== undefined ? { device: o.node } : {}) });
    failures.push({ ...f, command, ...(file !== undefined ? { file } : {}) });
  };
  const progress = (): void => o.onProgress?.({ elapsedMs: now() - started, timeMs: o.timeMs, ioctls: counter.ioctls, runs, failures: failures.length, rounds });
  const more = (k: number): boolean => (deadline === undefined ? k < (o.rounds ?? 0) : now() < deadline);
  for (let k = 0; more(k); k++) {
    const r = runSuite({
      spec: o.spec, abis: o.abis, mutations: o.mutations ?? [], counter, runs: o.runsPerRound, seed: o.seed, round: roundOf(o.shard, k),
      corpus: k === 0 ? o.corpus : [], ...(o.device !== undefined ? { device: o.device } : {}), ...(deadline !== undefined ? { deadline } : {}), onOutcome: (x) => { record(x); progress(); },
    });
    if (!r.interrupted) rounds += 1;
  }
  const properties: FuzzPropertyStats[] = [...stats].map(([name, s]) => ({ name, runs: s.runs, ioctls: s.ioctls }));
  return {
    ioctls: counter.ioctls, runs, failures, backend, seed: o.seed, shard: shardText(o.shard), spec: `${o.spec.name} ${o.spec.version}`,
    abis: o.abis.map((a) => a.name), rounds, elapsedMs: now() - started, properties,
  };
}
