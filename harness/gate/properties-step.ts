import type { Abi } from '../core/layout/abi';
import type { BackendName } from '../core/boundary/process';
import type { DeviceUnderTest } from '../conformance/devices';
import { backendArgs } from '../conformance/pbt/run/replay-command';
import { corpusDir, loadCorpus } from '../conformance/pbt/run/corpus';
import { replayCommand } from '../conformance/pbt/run/replay-command';
import { QUICK_SEED } from '../conformance/pbt/run/seeds';
import type { PropertyOutcome } from '../conformance/pbt/run/run-property';
import { SUITE_ERROR } from '../conformance/pbt/rules';
import { failed, runSuite } from '../conformance/pbt/run/suite';
import { emulatorProblem, suiteAbis } from '../conformance/pbt/run/suite-setup';
import type { ReportItem } from '../report/report';
import type { Spec } from '../core/model/model';
import type { PropertyResult, StepResult } from './step';

export interface PropertiesStepOptions {
  /** Runs per property (the configuration's budgets.quickRuns). */
  readonly runs: number;
  readonly snapshotsRoot: string;
  readonly abis: readonly Abi[];
  readonly seed?: number;
  /** The device under test (default: the emulated core), its backend and the node `--device` named. */
  readonly device?: DeviceUnderTest;
  readonly backend?: BackendName;
  readonly node?: string;
}

/** One result per property run, with the command that replays a failure (of a release's client, when named). */
export function propertyResults(outcomes: readonly PropertyOutcome[], specArg: string, release?: string, backend?: { backend: BackendName; node?: string }): PropertyResult[] {
  return outcomes.map((x): PropertyResult => ({
    name: x.name, verdict: x.verdict, runs: x.runs,
    ...(x.verdict === 'fail' ? { seed: x.seed, ...(x.path !== undefined ? { path: x.path } : {}) } : {}),
    ...(x.message !== undefined ? { message: x.counterexample !== undefined ? `${x.message}\ncounterexample: ${JSON.stringify(x.counterexample, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}` : x.message } : {}),
    ...(x.verdict === 'fail' ? {
      command: replayCommand({
        specArg, ...(release !== undefined ? { release } : {}), property: x.id, abi: x.abi, ...(x.mirror !== undefined ? { mirror: x.mirror } : {}), seed: x.seed,
        ...(x.path !== undefined ? { path: x.path } : {}), ...(x.replayPath !== undefined ? { replayPath: x.replayPath } : {}), mutations: [],
        ...(backend !== undefined ? { backend: backend.backend, ...(backend.node !== undefined ? { device: backend.node } : {}) } : {}),
      }),
    } : {}),
  }));
}

/** The skipped property runs, with why (nothing not run reads as passed): `; 2 skipped: D1/... [x86_64] (no pad site ...), ...`. */
function skipped(outcomes: readonly PropertyOutcome[]): string {
  const s = outcomes.filter((x) => x.verdict === 'skip');
  return s.length === 0 ? '' : `; ${s.length} skipped: ${s.map((x) => `${x.name} (${x.message ?? 'no reason given'})`).join(', ')}`;
}

/** A report item per failed property run. */
export function failureItems(outcomes: readonly PropertyOutcome[]): ReportItem[] {
  return outcomes.filter((x) => x.verdict === 'fail').map((x): ReportItem => ({ rule: x.rule ?? SUITE_ERROR, level: 'error', subject: x.name, message: x.message ?? 'failed' }));
}

/**
 * The step `uapi check` shows instead of the behaviour steps when no device under test speaks the
 * uAPI: skipped, with what is missing (the emulated core's first few needs), so that a pass of the
 * other steps never reads as "behaviour checked".
 */
export function behaviourSkipStep(spec: Spec, specArg: string, problem: string, backend: BackendName = 'emulated'): StepResult {
  return {
    name: `behaviour ${spec.name} ${spec.version}`, verdict: 'skip',
    summary: `no device under test speaks ${spec.name}: ${problem}; the property suite, cross-version suites and traces were not run`,
    items: [], command: [`npx uapi fuzz ${specArg} --quick`, ...backendArgs(backend)].join(' '),
  };
}

/**
 * The quick property suite against the emulated core: the regression corpus first, then every
 * property of the suite with the quick budget, on the 64-bit ABI and its 32-bit compat ABI. Skipped
 * (with the reason) for a uAPI the emulated core does not speak.
 */
export function propertiesStep(spec: Spec, specArg: string, o: PropertiesStepOptions): StepResult {
  const name = `properties ${spec.name} ${spec.version}${o.backend === 'native' ? ' on the running kernel' : ''}`;
  const seed = o.seed ?? QUICK_SEED;
  const on = o.backend !== undefined ? { backend: o.backend, ...(o.node !== undefined ? { node: o.node } : {}) } : undefined;
  const command = [`npx uapi fuzz ${specArg} --quick --seed ${seed}`, ...backendArgs(o.backend, o.node)].join(' ');
  const problem = o.device !== undefined ? o.device.problem(spec) : emulatorProblem(spec);
  if (problem !== undefined) {
    return { name, verdict: 'skip', summary: `${o.device?.name ?? 'the emulated core'} does not speak ${spec.name}: ${problem}`, items: [], command };
  }
  const corpus = loadCorpus(corpusDir(o.snapshotsRoot, spec.name));
  const abis = suiteAbis(o.abis);
  const r = runSuite({ spec, abis, counter: { ioctls: 0 }, runs: o.runs, seed, corpus: corpus.entries, ...(o.device !== undefined ? { device: o.device } : {}) });
  const properties = propertyResults(r.outcomes, specArg, undefined, on);
  const items = [
    ...corpus.issues.map((i): ReportItem => ({ rule: i.code, level: 'error', subject: i.path, message: i.message })),
    ...failureItems(r.outcomes),
  ];
  const runs = r.outcomes.reduce((a, x) => a + x.runs, 0);
  const nFailed = r.outcomes.filter((x) => x.verdict === 'fail').length;
  const ran = r.outcomes.filter((x) => x.verdict !== 'skip');
  return {
    name,
    verdict: failed(r.outcomes) || corpus.issues.length > 0 ? 'fail' : 'pass',
    summary: `${nFailed === 0 ? 'all' : `${nFailed} of`} ${ran.length} properties ${nFailed === 0 ? 'hold' : 'failed'} (${runs} runs, ${r.ioctls} ioctls, ${(r.ms / 1000).toFixed(1)} s; ${corpus.entries.length} regressions replayed first)${skipped(r.outcomes)}`,
    items,
    command,
    properties,
    detail: { runs, ioctls: r.ioctls, ms: r.ms, seed, abis: abis.map((a) => a.name), regressions: corpus.entries.length },
  };
}
