import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { toJson } from '../../core/util/json';
import { intOption, mutationOption, suiteAbisOf, suiteTarget } from '../suite-target';
import { mutate, mutationPassed, type MutationReport } from '../../conformance/pbt/mutate/mutate';
import { corpusDir, loadCorpus } from '../../conformance/pbt/run/corpus';
import { QUICK_SEED } from '../../conformance/pbt/run/seeds';
import { EXIT_BREAKING, EXIT_OK, type Command } from '../command';
import { abiOption, formatOption, selectedFormat } from '../shared-options';
import { configOption } from '../targets';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;
const DEFAULT_TARGET = 0.95;

function reportText(r: MutationReport): string {
  if (r.baseline === 'fail') return `the suite fails on the unmutated emulator, so mutation results would mean nothing:\n  ${r.baselineFailure ?? ''}\n`;
  const lines = r.mutants.map((m) => `${m.killed ? 'killed  ' : 'SURVIVED'} ${m.id.padEnd(30)} (${m.breaks})${m.killed ? ` by ${m.by ?? ''} [${m.rule ?? ''}]` : ''}`);
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  return `${lines.join('\n')}\n${r.killed} of ${r.total} mutations killed (${pct(r.rate)}; target ${pct(r.target)}): ${mutationPassed(r) ? 'pass' : 'FAIL'}\n`;
}

export const mutateCommand: Command = {
  name: 'mutate',
  summary: COMMAND_SUMMARIES['mutate'],
  synopsis: '[<uapi>] [--format text|json] [--mutation ID]... [--runs N] [--seed N] [--target F] [--abi A,B]',
  positionals: [0, 1],
  options: {
    format: formatOption(FORMATS),
    mutation: { type: 'string', multiple: true, valueName: 'ID', description: 'only these mutations (repeatable; default the whole catalogue of emulator/mutations.ts)' },
    runs: { type: 'string', valueName: 'N', description: 'runs per property (default: the configuration\'s budgets.quickRuns)' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the suite (default the quick suite\'s)' },
    target: { type: 'string', valueName: 'F', description: `kill rate to reach, 0..1 (default ${DEFAULT_TARGET})` },
    abi: { ...abiOption, description: 'ABIs of the calling processes (default x86_64,i386: a 64-bit ABI and its 32-bit compat ABI)' },
    config: configOption,
  },
  details: [
    'Runs the quick suite (regression corpus first) against the unmutated emulator, which must pass, then against',
    'the emulator with each mutation of the catalogue switched on, stopping at the first failing property (a kill).',
    '--format json prints {"killed", "total", "survivors": [...], "rate", "target", "mutants": [...]}.',
    'Exit 1 when the kill rate is below --target or the suite fails without mutations: a suite that lets',
    'deliberate bugs through is itself a failed check.',
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    const t = await suiteTarget(ctx, ctx.positionals[0]);
    const targetText = ctx.values['target'] as string | undefined;
    const target = targetText === undefined ? DEFAULT_TARGET : Number(targetText);
    if (!(target >= 0 && target <= 1)) throw new UserError([issue('USAGE_TARGET', '--target', `expected a rate between 0 and 1, got ${targetText ?? ''}`)]);
    const corpus = loadCorpus(corpusDir(t.snapshotsRoot, t.spec.name));
    if (corpus.issues.length > 0) throw new UserError(corpus.issues);
    const report = mutate({
      spec: t.spec, abis: suiteAbisOf(ctx), ids: mutationOption(ctx, true), runs: intOption(ctx, 'runs', 1) ?? t.config.budgets.quickRuns,
      seed: intOption(ctx, 'seed') ?? QUICK_SEED, target, corpus: corpus.entries,
      ...(format === 'text' && ctx.io.isTty ? { onMutant: (m: { id: string; killed: boolean }) => ctx.io.err(`${m.killed ? 'killed' : 'survived'} ${m.id}\n`) } : {}),
    });
    ctx.io.out(format === 'json' ? `${toJson(report)}\n` : reportText(report));
    return mutationPassed(report) ? EXIT_OK : EXIT_BREAKING;
  },
};
