import * as path from 'node:path';
import type { Abi } from '../core/layout/abi';
import { QUICK_SEED } from '../conformance/pbt/run/seeds';
import { failed, runSuite } from '../conformance/pbt/run/suite';
import { suiteAbis } from '../conformance/pbt/run/suite-setup';
import type { Release } from '../contract/release/releases';
import type { Spec } from '../core/model/model';
import { failureItems, propertyResults } from './properties-step';
import type { StepResult } from './step';

export interface CrossVersionOptions {
  readonly runs: number;
  readonly abis: readonly Abi[];
  readonly seed?: number;
}

/**
 * Old userspace on the new core: the quick property suite generated from a frozen release's spec
 * (its layouts, request numbers, flags and opcodes), run against the emulated core of the working
 * spec. A binary built against that release must get the answers that release promised.
 */
export function crossVersionStep(spec: Spec, specArg: string, release: Release, o: CrossVersionOptions): StepResult {
  const seed = o.seed ?? QUICK_SEED;
  const abis = suiteAbis(o.abis);
  const r = runSuite({ spec: release.spec, deviceSpec: spec, abis, counter: { ioctls: 0 }, runs: o.runs, seed });
  const nFailed = r.outcomes.filter((x) => x.verdict === 'fail').length;
  const nSkipped = r.outcomes.filter((x) => x.verdict === 'skip').length;
  const runs = r.outcomes.reduce((a, x) => a + x.runs, 0);
  return {
    name: `userspace ${release.version} on the ${spec.version} core`,
    verdict: failed(r.outcomes) ? 'fail' : 'pass',
    summary: `${nFailed === 0 ? 'all' : `${nFailed} of`} ${r.outcomes.length - nSkipped} properties ${nFailed === 0 ? 'hold' : 'failed'}${nSkipped > 0 ? ` (${nSkipped} ${nSkipped === 1 ? 'needs' : 'need'} what ${release.version} cannot express)` : ''} (${runs} runs, ${r.ioctls} ioctls, ${(r.ms / 1000).toFixed(1)} s)`,
    items: failureItems(r.outcomes),
    command: `npx uapi fuzz ${specArg} --quick --release ${release.version} --seed ${seed}`,
    properties: propertyResults(r.outcomes, specArg, release.version),
    detail: { release: release.version, releaseSpec: path.join(release.dir, 'spec.json'), runs, ioctls: r.ioctls, ms: r.ms, seed, abis: abis.map((a) => a.name) },
  };
}
