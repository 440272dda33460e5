import * as path from 'node:path';
import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { clientSpecOf, intOption, releaseOption, suiteAbisOf, suiteTarget } from '../suite-target';
import { formatDuration, parseDuration } from '../../conformance/pbt/fuzz/duration';
import { fuzz } from '../../conformance/pbt/fuzz/fuzz';
import type { FuzzReport } from '../../conformance/pbt/fuzz/fuzz-report';
import { mergeFuzzReports, readFuzzReport } from '../../conformance/pbt/fuzz/merge';
import { progressReporter } from '../../conformance/pbt/fuzz/progress';
import { parseShard, WHOLE } from '../../conformance/pbt/fuzz/shard';
import { corpusDir, loadCorpus } from '../../conformance/pbt/run/corpus';
import { dataToJson } from '../../conformance/pbt/run/data-json';
import { failureOf } from '../../conformance/pbt/run/failure-file';
import { replayCommand } from '../../conformance/pbt/run/replay-command';
import { QUICK_SEED } from '../../conformance/pbt/run/seeds';
import { runSuite } from '../../conformance/pbt/run/suite';
import { EXIT_BREAKING, EXIT_OK, type Command, type CommandContext } from '../command';
import { abiOption, formatOption, selectedFormat } from '../shared-options';
import { configOption } from '../targets';
import { backendOptions } from '../backend-option';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;

function reportText(r: FuzzReport): string {
  const head = `fuzz ${r.spec} [${r.abis.join(', ')}]${r.backend === 'native' ? ' on the running kernel (native)' : ''}, seed ${r.seed}, shard ${r.shard}: ${formatDuration(r.elapsedMs)}, `
    + `${r.ioctls.toLocaleString('en-US')} ioctls, ${r.runs.toLocaleString('en-US')} runs, ${r.rounds} rounds\n`;
  if (r.failures.length === 0) return `${head}no failures\n`;
  return head + r.failures.map((f) => `FAIL ${f.property} [${f.abi}${f.mirror !== undefined ? ` vs ${f.mirror}` : ''}] seed ${f.seed} path ${f.path ?? '-'}\n  ${(f.message ?? '').split('\n')[0] ?? ''}\n  replay: ${f.command}\n`).join('');
}

function output(ctx: CommandContext, format: 'text' | 'json', r: FuzzReport): number {
  ctx.io.out(format === 'json' ? `${dataToJson(r)}\n` : reportText(r));
  return r.failures.length > 0 ? EXIT_BREAKING : EXIT_OK;
}

/** `--merge a.json b.json ...`: one report from shard reports. */
function merge(ctx: CommandContext, format: 'text' | 'json', files: readonly string[]): number {
  const reports: FuzzReport[] = [];
  for (const f of files) {
    const r = readFuzzReport(path.resolve(ctx.io.cwd, f));
    if (r.report === undefined) throw new UserError(r.issues);
    reports.push(r.report);
  }
  const m = mergeFuzzReports(reports, files);
  if (m.report === undefined) throw new UserError(m.issues);
  return output(ctx, format, m.report);
}

/** `--quick`: the quick suite once, as `uapi check` runs it. */
async function quick(ctx: CommandContext, format: 'text' | 'json'): Promise<number> {
  const t = await suiteTarget(ctx, ctx.positionals[0]);
  const seed = intOption(ctx, 'seed') ?? QUICK_SEED;
  const abis = suiteAbisOf(ctx);
  const { client, release } = clientSpecOf(ctx, t);
  // The regression corpus holds failures of the working spec's own userspace: not replayed for an old release's.
  const corpus = release === undefined ? loadCorpus(corpusDir(t.snapshotsRoot, t.spec.name)) : { entries: [], issues: [] };
  if (corpus.issues.length > 0) throw new UserError(corpus.issues);
  const r = runSuite({ spec: client, deviceSpec: t.spec, abis, counter: { ioctls: 0 }, runs: t.config.budgets.quickRuns, seed, corpus: corpus.entries, device: t.device });
  const failures = r.outcomes.filter((o) => o.verdict === 'fail').map((o) => ({
    ...failureOf(o, `${client.name} ${client.version}`, [], t.backend),
    command: replayCommand({ backend: t.backend, ...(t.node !== undefined ? { device: t.node } : {}), specArg: t.argument, ...(release !== undefined ? { release } : {}), property: o.id, abi: o.abi, ...(o.mirror !== undefined ? { mirror: o.mirror } : {}), seed: o.seed, ...(o.path !== undefined ? { path: o.path } : {}), ...(o.replayPath !== undefined ? { replayPath: o.replayPath } : {}), mutations: [] }),
  }));
  const report: FuzzReport = {
    ioctls: r.ioctls, runs: r.outcomes.reduce((a, o) => a + o.runs, 0), failures, backend: t.backend, seed, shard: '1/1', spec: `${client.name} ${client.version}${release !== undefined ? ` on the ${t.spec.version} core` : ''}`,
    abis: abis.map((a) => a.name), rounds: 1, elapsedMs: r.ms, properties: r.outcomes.map((o) => ({ name: o.name, runs: o.runs, ioctls: o.ioctls })),
  };
  if (format === 'text') {
    for (const o of r.outcomes) ctx.io.out(`${o.verdict.toUpperCase().padEnd(4)} ${o.name} (${o.runs} runs)${o.verdict === 'pass' ? '' : `\n  ${(o.message ?? '').split('\n')[0] ?? ''}`}\n`);
  }
  return output(ctx, format, report);
}

export const fuzzCommand: Command = {
  name: 'fuzz',
  summary: COMMAND_SUMMARIES['fuzz'],
  synopsis: '[<uapi>] [--time D | --rounds N] [--seed N] [--shard i/n] [--abi A,B] [--backend emulated|native] [--device PATH] [--format text|json] [--out DIR] | --quick [--release V] | --merge FILE...',
  positionals: [0, Infinity],
  options: {
    time: { type: 'string', valueName: 'D', description: 'how long to run: 30s, 10m, 1h30m (default: the configuration\'s budgets.fuzzTime)' },
    rounds: { type: 'string', valueName: 'N', description: 'run exactly N rounds of the suite instead of --time (the same counts every time)' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the run (default: a fresh one, printed); the same seed and shard run the same cases' },
    shard: { type: 'string', valueName: 'i/n', description: 'run shard i of n (1-based) of the run the seed defines' },
    abi: { ...abiOption, description: 'ABIs of the calling processes (default x86_64,i386: a 64-bit ABI and its 32-bit compat ABI)' },
    ...backendOptions,
    format: formatOption(FORMATS),
    out: { type: 'string', valueName: 'DIR', description: 'where failure files go (default: the configuration\'s reports folder, fuzz-failures/)' },
    quick: { type: 'boolean', description: 'run the quick suite once (budgets.quickRuns runs per property), as uapi check does' },
    release: { ...releaseOption, description: 'with --quick: run as the userspace of frozen release V against the working spec\'s core (a cross-version step of uapi check)' },
    merge: { type: 'boolean', description: 'merge shard reports (the positional arguments, JSON files of --format json) into one' },
    config: configOption,
  },
  details: [
    'Runs the regression corpus (snapshots/<uapi>/regressions/*.json), then rounds of every property of the',
    'conformance suite until the time is up, on x86_64 and i386 unless --abi says otherwise. Shard i of n runs',
    'rounds i-1, i-1+n, ...: n shards with the same seed split one run between them without overlap, and each',
    'is deterministic for its (seed, shard). A progress bar shows on a terminal; otherwise a line every 10 s.',
    'Every distinct failure is written to a failure file with the `uapi replay` command that reproduces it.',
    '--format json prints {"ioctls", "runs", "failures", "backend", "seed", "shard", ...}; --merge adds shard reports up.',
    'With --backend native the calls are real ioctl(2) on the running kernel (specs/userfaultfd: /dev/userfaultfd,',
    'or the node --device names), from native executors compiled on first use with the system C compiler.',
    'Exit 1 when any property failed.',
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    if (ctx.values['merge'] === true) {
      if (ctx.positionals.length === 0) throw new UserError([issue('USAGE_MERGE', '--merge', 'name the shard reports to merge')]);
      return merge(ctx, format, ctx.positionals);
    }
    if (ctx.positionals.length > 1) throw new UserError([issue('USAGE_ARGS', ctx.positionals.join(' '), 'fuzz takes at most one uAPI (or --merge with report files)')]);
    if (ctx.values['quick'] === true) return quick(ctx, format);
    if (ctx.values['release'] !== undefined) throw new UserError([issue('USAGE_RELEASE', '--release', '--release goes with --quick (the cross-version suite of uapi check)')]);
    if (ctx.values['time'] !== undefined && ctx.values['rounds'] !== undefined) throw new UserError([issue('USAGE_ARGS', '--time, --rounds', 'give either --time (run until it is up) or --rounds (run exactly N rounds), not both')]);
    const t = await suiteTarget(ctx, ctx.positionals[0]);
    const timeText = (ctx.values['time'] as string | undefined) ?? t.config.budgets.fuzzTime;
    const timeMs = parseDuration(timeText);
    if (timeMs === undefined) throw new UserError([issue('USAGE_TIME', '--time', `not a duration: ${timeText} (for example 30s, 10m, 1h30m)`)]);
    // A run of no time runs nothing, and would pass: that is never what a nightly job means.
    if (timeMs <= 0) throw new UserError([issue('USAGE_TIME', '--time', `${timeText} runs nothing: give a positive duration (for example 30s, 10m, 1h30m)`)]);
    const shardText = ctx.values['shard'] as string | undefined;
    const shard = shardText === undefined ? WHOLE : parseShard(shardText);
    if (shard === undefined) throw new UserError([issue('USAGE_SHARD', '--shard', `not a shard: ${shardText ?? ''} (i/n with 1 <= i <= n)`)]);
    const seed = intOption(ctx, 'seed') ?? Math.floor(Math.random() * 2 ** 31);
    const abis = suiteAbisOf(ctx);
    const corpus = loadCorpus(corpusDir(t.snapshotsRoot, t.spec.name));
    if (corpus.issues.length > 0) throw new UserError(corpus.issues);
    const failuresDir = path.resolve(ctx.io.cwd, (ctx.values['out'] as string | undefined) ?? path.join(t.config.root, t.config.reports, 'fuzz-failures'));
    const bar = progressReporter(ctx.io.err, ctx.io.isTty);
    const rounds = intOption(ctx, 'rounds', 1);
    const report = fuzz({
      spec: t.spec, specArg: t.argument, abis, seed, shard, device: t.device, ...(t.node !== undefined ? { node: t.node } : {}), timeMs, ...(rounds !== undefined ? { rounds } : {}), runsPerRound: t.config.budgets.quickRuns, corpus: corpus.entries, failuresDir,
      onProgress: (p) => { if (ctx.io.isTty || format === 'text') bar.update(p); },
    });
    bar.end();
    return output(ctx, format, report);
  },
};
