import fc from 'fast-check';

/**
 * Runs a fast-check property inside an ava test and turns a failure into a message that carries the
 * seed, the shrink path and how to replay it. (We call fast-check directly rather than through
 * @fast-check/ava: that package is ESM-only and would load a second copy of fast-check next to the
 * CommonJS one our arbitraries come from.)
 */
export function checkProperty<Ts extends [unknown, ...unknown[]]>(
  property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> | void {
  const report = (details: fc.RunDetails<Ts>): void => {
    if (!details.failed) return;
    const counterexample = details.counterexample === null ? '' : fc.stringify(details.counterexample);
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `property failed after ${details.numRuns} run(s)\n` +
      `  seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}"\n` +
      `  replay: set { seed: ${details.seed}, path: "${details.counterexamplePath ?? ''}" } in the test's parameters\n` +
      `  counterexample: ${counterexample}\n  cause: ${cause}`,
    );
  };
  if (property.isAsync()) {
    return fc.check(property as fc.IAsyncProperty<Ts>, params).then(report);
  }
  report(fc.check(property as fc.IProperty<Ts>, params) as fc.RunDetails<Ts>);
  return undefined;
}
