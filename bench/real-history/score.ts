import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../../harness/core/diagnostics/format';
import type { Issue } from '../../harness/core/diagnostics/issue';
import { findIncumbentTools, runIncumbentOnFiles } from '../incumbent';
import { gccIncludeDirs } from '../scale/header-trees';
import { mapConcurrent } from '../scale/spawn-async';
import { fetchedCorpus, offlineCorpus, type CorpusInput } from './corpus-input';
import { JUDGED_DIR, readJudgedDir } from './judgments';
import { jsonReport, textReport } from './report';
import { DEFAULT_UAPI_BIN, oldTreeOf, runUapiDiff, sideIncludesOf } from './run-uapi';
import { tally, type IncumbentOutcome, type PairRun, type Score } from './tally';
import { comparableAbis } from './tree-abis';
import { CORPUS_SERIES } from './corpus-trees';
import type { KernelSeries } from '../../harness/frontend/kernel-headers/debian-suites';

export interface ScoreOptions {
  /** The `uapi` CLI to score (default: this checkout's). */
  readonly uapiBin?: string;
  readonly judgedDir?: string;
  /** `uapi diff` processes at once (default: cores, at most 4). */
  readonly jobs?: number;
  /** Also run check-uapi.sh's pipeline on each pair (default true; skipped with a note without gcc/abidiff). */
  readonly incumbent?: boolean;
  /** Only pairs whose `header old->new` contains this. */
  readonly filter?: string;
  readonly progress?: (line: string) => void;
}

export interface Scored {
  readonly score: Score;
  /** How it was made (corpus, build, include flags, incumbent), for the report's head. */
  readonly header: readonly string[];
  /** Judged files that could not be read: the score cannot be trusted (exit 2). */
  readonly issues: readonly Issue[];
}

/** Runs `uapi diff` (and check-uapi.sh's pipeline) on every pair and judges what they report. */
export async function scoreCorpus(input: CorpusInput, options: ScoreOptions = {}): Promise<Scored> {
  const uapiBin = options.uapiBin ?? DEFAULT_UAPI_BIN;
  const judged = readJudgedDir(options.judgedDir ?? JUDGED_DIR);
  const mode = sideIncludesOf(uapiBin);
  const oldTreeFlag = oldTreeOf(uapiBin);
  const withSources = oldTreeFlag && input.sources !== undefined;
  const pairs = input.pairs.filter((p) => options.filter === undefined || `${p.header} ${p.old}->${p.new}`.includes(options.filter));
  const jobs = options.jobs ?? Math.max(1, Math.min(4, os.availableParallelism()));
  const tools = options.incumbent === false ? undefined : findIncumbentTools();
  // Per pair of series: the ABIs both trees carry asm/ for (the others are left out, and said so).
  const abisOf = new Map<string, ReturnType<typeof comparableAbis>>();
  for (const p of pairs) {
    const key = `${p.old}->${p.new}`;
    if (!abisOf.has(key)) abisOf.set(key, comparableAbis(input.trees[p.old], input.trees[p.new]));
  }
  let done = 0;
  const runs = await mapConcurrent(pairs, jobs, async (pair): Promise<PairRun> => {
    const [oldTree, newTree] = [input.trees[pair.old], input.trees[pair.new]];
    const [oldFile, newFile] = [path.join(oldTree, pair.header), path.join(newTree, pair.header)];
    // Reasons name files as `<6.1>/linux/kvm.h`, not by the cache's long paths.
    const short = (text: string): string => text.split(oldTree).join(`<${pair.old}>`).split(newTree).join(`<${pair.new}>`);
    const newestTree = input.trees[CORPUS_SERIES[CORPUS_SERIES.length - 1] as KernelSeries];
    const sources = withSources ? input.sources?.[pair.old] : undefined;
    const ran = await runUapiDiff(uapiBin, mode, oldFile, oldTree, newFile, newTree, newestTree, abisOf.get(`${pair.old}->${pair.new}`)?.abis ?? [], sources);
    const uapi = ran.ok ? ran : { ...ran, reason: short(ran.reason) };
    let incumbent: IncumbentOutcome | undefined;
    if (tools?.tools !== undefined) {
      const r = runIncumbentOnFiles(oldFile, newFile, tools.tools, { oldIncludeDirs: gccIncludeDirs(oldTree), includeDirs: gccIncludeDirs(newTree) });
      const first = r.issues[0];
      incumbent = r.run !== undefined ? { ok: true, breaking: r.run.outcome.verdict === 'breaking' } : { ok: false, reason: short(first !== undefined ? formatIssue(first) : 'did not run') };
    }
    options.progress?.(`${++done}/${pairs.length} ${pair.header} ${pair.old}->${pair.new}`);
    return { pair, uapi, ...(incumbent !== undefined ? { incumbent } : {}) };
  });
  const header = [
    `real-history corpus: ${input.label}`,
    `ours: ${path.relative(process.cwd(), uapiBin) || uapiBin} diff OLD NEW --format json --abi ABIS ${mode === 'per-side' ? '--old-include OLDTREE --new-include NEWTREE' : '-I NEWTREE (this build has no --old-include: the new tree serves both sides)'}`,
    `old kernel sources (--old-tree): ${!oldTreeFlag ? 'not used (this build has no --old-tree)' : input.sources === undefined ? 'none (offline subset)' : Object.entries(input.sources).map(([k, d]) => `${k} ${path.basename(d)}`).join(', ') || 'none'}`,
    ...(input.sourceNotes ?? []).map((n) => `  ${n}`),
    ...[...abisOf].map(([k, a]) => `  ${k}: ${a.abis.length} ABIs (${a.abis.join(', ')})${a.left.length > 0 ? `; left out, no asm/ in both trees: ${a.left.join(', ')}` : ''}`),
    `judged: ${options.judgedDir ?? JUDGED_DIR} (${judged.pairs.size} judged pairs)`,
    tools === undefined ? 'check-uapi.sh pipeline: not run (--no-incumbent)' : tools.tools === undefined ? `check-uapi.sh pipeline: not run: ${tools.issues.map(formatIssue).join('; ')}` : `check-uapi.sh pipeline: ${tools.tools.ccVersion}, abidiff ${tools.tools.abidiffVersion}, each side against its own tree, x86_64`,
  ];
  return { score: tally(runs, judged.pairs), header, issues: judged.issues };
}

const USAGE = 'usage: node dist/bench/real-history/score.js [--offline] [--judged DIR] [--uapi BIN] [--filter TEXT] [--jobs N] [--no-incumbent] [--format text|json]';

/** `score.js`: exit 0 when scored, 2 for a usage error, an input that cannot be had, or a judged file that cannot be read. */
export async function main(argv: readonly string[]): Promise<number> {
  const o: { offline: boolean; format: string; judgedDir?: string; uapiBin?: string; filter?: string; jobs?: number; incumbent: boolean } = { offline: false, format: 'text', incumbent: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--offline') o.offline = true;
    else if (a === '--no-incumbent') o.incumbent = false;
    else if (['--judged', '--uapi', '--filter', '--jobs', '--format'].includes(a) && argv[i + 1] !== undefined) {
      const v = argv[++i] as string;
      if (a === '--judged') o.judgedDir = path.resolve(v);
      else if (a === '--uapi') o.uapiBin = path.resolve(v);
      else if (a === '--filter') o.filter = v;
      else if (a === '--format' && (v === 'text' || v === 'json')) o.format = v;
      else if (a === '--jobs' && Number.isInteger(Number(v)) && Number(v) > 0) o.jobs = Number(v);
      else return usage(`bad value for ${a}: ${v}`);
    } else return usage(`unknown argument ${a}`);
  }
  const progress = (line: string): void => {
    if (process.stderr.isTTY === true) process.stderr.write(`score: ${line}\n`);
  };
  const input = o.offline ? offlineCorpus() : fetchedCorpus(progress);
  if (typeof input === 'string') {
    process.stderr.write(`score: ${input}\n`);
    return 2;
  }
  const r = await scoreCorpus(input, { ...o, progress });
  for (const i of r.issues) process.stderr.write(`${formatIssue(i)}\n`);
  process.stdout.write(o.format === 'json' ? jsonReport(r.score) : textReport(r.score, r.header));
  return r.issues.length > 0 ? 2 : 0;
}

function usage(message: string): number {
  process.stderr.write(`score: ${message}\n${USAGE}\n`);
  return 2;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
