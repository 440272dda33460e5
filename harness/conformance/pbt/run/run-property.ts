import * as fc from 'fast-check';
import { SUITE_ERROR, Violation } from '../rules';
import { propertyName, type SuiteContext, type SuiteProperty } from '../properties/suite-property';

export interface RunParams {
  /** fast-check seed of this run. */
  readonly seed: number;
  readonly numRuns: number;
  /** Replay one counterexample: fast-check's shrink path (with `seed`). */
  readonly path?: string;
  /** With `path` for a stateful property: fast-check's record of which commands ran. */
  readonly replayPath?: string;
  /** Stop at the first failure without shrinking (mutation runs only need kill or survive). */
  readonly endOnFailure?: boolean;
  /** Stop generating after this long (fuzz rounds); what ran counts. */
  readonly timeLimitMs?: number;
}

export type Verdict = 'pass' | 'fail' | 'skip';

/** What running one property gave: the verdict, and for a failure everything needed to replay it. */
export interface PropertyOutcome {
  /** `D1/nonzero-pad-rejected [i386]`. */
  readonly name: string;
  readonly id: string;
  readonly abi: string;
  readonly mirror?: string;
  readonly verdict: Verdict;
  readonly runs: number;
  readonly seed: number;
  readonly path?: string;
  readonly replayPath?: string;
  /** The broken rule (a Violation's), `suite-error` for an exception of the suite itself. */
  readonly rule?: string;
  /** The failure, or why the property was skipped. */
  readonly message?: string;
  /** The shrunk failing input as data (see SuiteProperty.toData). */
  readonly counterexample?: unknown;
  readonly ioctls: number;
  readonly ms: number;
}

function replayPathOf(counterexample: unknown): string | undefined {
  const m = /replayPath="([^"]*)"/.exec(fc.stringify(counterexample));
  return m?.[1];
}

/** Runs one property in one context with fast-check and turns the result into a {@link PropertyOutcome}. */
export function runProperty(p: SuiteProperty, ctx: SuiteContext, params: RunParams): PropertyOutcome {
  const name = propertyName(p, ctx);
  const base = { name, id: p.id, abi: ctx.abi.name, ...(p.abis === 'pair' && ctx.mirror !== undefined ? { mirror: ctx.mirror.name } : {}), seed: params.seed };
  const started = Date.now();
  const ioctlsBefore = ctx.counter.ioctls;
  const skip = p.skip(ctx);
  if (skip !== undefined) return { ...base, verdict: 'skip', runs: 0, message: skip, ioctls: 0, ms: 0 };
  const runCtx: SuiteContext = params.replayPath !== undefined ? { ...ctx, replayPath: params.replayPath } : ctx;
  const property = fc.property(p.arbitrary(runCtx), (input) => { p.check(runCtx, input); });
  const details = fc.check(property, {
    seed: params.seed,
    numRuns: params.numRuns,
    ...(params.path !== undefined ? { path: params.path } : {}),
    ...(params.endOnFailure === true ? { endOnFailure: true } : {}),
    ...(params.timeLimitMs !== undefined ? { interruptAfterTimeLimit: params.timeLimitMs, markInterruptAsFailure: false } : {}),
  });
  const ms = Date.now() - started;
  const ioctls = ctx.counter.ioctls - ioctlsBefore;
  const runs = details.numRuns;
  if (!details.failed) return { ...base, verdict: 'pass', runs, ioctls, ms };
  const error = details.errorInstance;
  const rule = error instanceof Violation ? error.rule : SUITE_ERROR;
  const message = error instanceof Error ? error.message : String(error);
  const input = details.counterexample?.[0];
  const replayPath = p.stateful === true && input !== undefined ? replayPathOf(input) : undefined;
  return {
    ...base, verdict: 'fail', runs, rule, message, ioctls, ms,
    ...(details.counterexamplePath !== null ? { path: details.counterexamplePath } : {}),
    ...(replayPath !== undefined ? { replayPath } : {}),
    ...(input !== undefined ? { counterexample: p.toData(input) } : {}),
  };
}

/** Runs a property on one counterexample given as data (a failure file's), exactly as it failed. */
export function replayData(p: SuiteProperty, ctx: SuiteContext, data: unknown): PropertyOutcome {
  const name = propertyName(p, ctx);
  const started = Date.now();
  const before = ctx.counter.ioctls;
  const base = { name, id: p.id, abi: ctx.abi.name, ...(p.abis === 'pair' && ctx.mirror !== undefined ? { mirror: ctx.mirror.name } : {}), seed: 0 };
  try {
    p.check(ctx, p.fromData(data));
    return { ...base, verdict: 'pass', runs: 1, ioctls: ctx.counter.ioctls - before, ms: Date.now() - started };
  } catch (e) {
    return {
      ...base, verdict: 'fail', runs: 1, rule: e instanceof Violation ? e.rule : SUITE_ERROR,
      message: e instanceof Error ? e.message : String(e), counterexample: data, ioctls: ctx.counter.ioctls - before, ms: Date.now() - started,
    };
  }
}
