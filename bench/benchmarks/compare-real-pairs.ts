import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import { fetchPinnedKernelHeaders } from '../../harness/frontend/kernel-headers';
import type { BenchResult } from '../benchmark';
import { findIncumbentTools, runIncumbentOnFiles, type IncumbentTools } from '../incumbent';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { readPairList } from '../real-history/pairs';
import { childrenCpuSeconds } from '../scale/children-cpu';
import { gccIncludeDirs } from '../scale/header-trees';
import { median, significant } from '../stats';

const UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');

const MEDIAN_RATIO = 'compare.real_header_pairs_median_ratio';
const WORST_RATIO = 'compare.real_header_pairs_worst_ratio';
const CPU_MEDIAN_RATIO = 'compare.real_header_pairs_cpu_median_ratio';
const PAIRS = 'compare.real_header_pairs_count';

/** Wall ms and CPU s (user + system, the child and its own children) of one subprocess, and its result. */
interface Timed {
  readonly ms: number;
  readonly cpu: number | undefined;
}

function timedSpawn(args: readonly string[], env: NodeJS.ProcessEnv): Timed & { status: number | null; stderr: string } {
  const cpu0 = childrenCpuSeconds();
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const cpu1 = childrenCpuSeconds();
  return { ms, cpu: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined, status: r.status, stderr: r.error?.message ?? r.stderr };
}

/**
 * `node bin/uapi.js diff OLD NEW --old-include A --new-include B` (every ABI, text report) with an empty
 * import cache, as a user runs it; exit 0 or 1 (a verdict) is a proper run, exit 2 a failure.
 */
function timeUapiDiff(oldFile: string, oldTree: string, newFile: string, newTree: string): Timed | Issue {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-cache-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, UAPI_HARNESS_CACHE_DIR: cacheDir };
    delete env['UAPI_HARNESS_CACHE'];
    const r = timedSpawn([UAPI_BIN, 'diff', oldFile, newFile, '--old-include', oldTree, '--new-include', newTree], env);
    if (r.status !== 0 && r.status !== 1) return issue('BENCH_RUN', newFile, `uapi diff exit ${r.status ?? 'by signal'}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
    return { ms: r.ms, cpu: r.cpu };
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** check-uapi.sh's pipeline (gcc -g of each side against its own tree, abidiff), x86_64 only. */
function timeIncumbent(oldFile: string, oldTree: string, newFile: string, newTree: string, tools: IncumbentTools): Timed | Issue {
  const cpu0 = childrenCpuSeconds();
  const r = runIncumbentOnFiles(oldFile, newFile, tools, { oldIncludeDirs: gccIncludeDirs(oldTree), includeDirs: gccIncludeDirs(newTree) });
  const cpu1 = childrenCpuSeconds();
  if (r.run === undefined) return r.issues[0] ?? issue('BENCH_RUN', newFile, 'check-uapi.sh\'s pipeline did not run');
  return { ms: r.run.timing.totalMs, cpu: cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined };
}

/** One pair's figures, for the notes. */
interface PairTiming {
  readonly header: string;
  readonly ours: Timed;
  readonly theirs: Timed;
}

const ratioOf = (p: PairTiming): number => p.ours.ms / p.theirs.ms;
const cpuRatioOf = (p: PairTiming): number | undefined => (p.ours.cpu !== undefined && p.theirs.cpu !== undefined && p.theirs.cpu > 0 ? p.ours.cpu / p.theirs.cpu : undefined);

/**
 * Real header pairs, both tools as a user runs them, in one run: every header of the judged corpus
 * (bench/real-history/pairs.json) that Debian's linux-libc-dev has in both 6.12.117-1 and 7.2.13-1,
 * each side against its own tree. Ours: `uapi diff` on every ABI with an empty cache (a new Node
 * process each time, start-up included). Theirs: check-uapi.sh's two `gcc -g` and abidiff on x86_64.
 * The two alternate which goes first, pair by pair, so that load on the machine hits both alike.
 * A pair the incumbent cannot compile has no ratio and is listed in the notes; a pair ours fails is a
 * failure. Opt-in: it takes a few minutes.
 */
export const realPairsComparison: Measurement = {
  name: 'compare.real_header_pairs',
  figures: [MEDIAN_RATIO, WORST_RATIO, CPU_MEDIAN_RATIO, PAIRS],
  description: 'uapi diff (8 ABIs, cold cache) vs check-uapi.sh pipeline (gcc + abidiff, 1 ABI) on real header pairs 6.12 -> 7.2',
  optIn: true,
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const list = readPairList();
    if (typeof list === 'string') return { results: [], notes: [], missing: [], failures: [issue('BENCH_INPUT', 'pairs.json', list)] };
    const before = fetchPinnedKernelHeaders('6.12');
    const after = fetchPinnedKernelHeaders('7.2');
    if (before.headers === undefined || after.headers === undefined) return { results: [], notes: [], missing: [...before.issues, ...after.issues], failures: [] };
    const tools = findIncumbentTools();
    if (tools.tools === undefined) return { results: [], notes: [], missing: tools.issues, failures: [] };
    const oldTree = before.headers.includeDir;
    const newTree = after.headers.includeDir;
    const headers = list.pairs.filter((p) => p.old === '6.12' && p.new === '7.2').map((p) => p.header);
    const timings: PairTiming[] = [];
    const incumbentFailed: string[] = [];
    const failures: Issue[] = [];
    for (const [i, header] of headers.entries()) {
      ctx.progress(`compare.real_header_pairs: ${i + 1}/${headers.length} ${header}`);
      const a = path.join(oldTree, header);
      const b = path.join(newTree, header);
      const runOurs = (): Timed | Issue => timeUapiDiff(a, oldTree, b, newTree);
      const runTheirs = (): Timed | Issue => timeIncumbent(a, oldTree, b, newTree, tools.tools as IncumbentTools);
      let ours: Timed | Issue;
      let theirs: Timed | Issue;
      if (i % 2 === 0) {
        ours = runOurs();
        theirs = runTheirs();
      } else {
        theirs = runTheirs();
        ours = runOurs();
      }
      if ('code' in ours) failures.push(ours);
      else if ('code' in theirs) incumbentFailed.push(`${header} (${theirs.message.split('\n')[0] ?? ''})`);
      else timings.push({ header, ours, theirs });
    }
    if (failures.length > 0) return { results: [], notes: [], missing: [], failures };
    if (timings.length === 0) return { results: [], notes: [], missing: [], failures: [issue('BENCH_RUN', 'check-uapi.sh', 'the incumbent compiled no pair')] };
    const ratios = timings.map(ratioOf);
    const cpuRatios = timings.flatMap((p) => { const r = cpuRatioOf(p); return r !== undefined ? [r] : []; });
    const worst = timings.reduce((w, p) => (ratioOf(p) > ratioOf(w) ? p : w));
    const medianRatio = significant(median(ratios));
    const results: BenchResult[] = [
      { name: MEDIAN_RATIO, value: medianRatio, unit: 'ratio' },
      { name: WORST_RATIO, value: significant(ratioOf(worst)), unit: 'ratio' },
      ...(cpuRatios.length > 0 ? [{ name: CPU_MEDIAN_RATIO, value: significant(median(cpuRatios)), unit: 'ratio' }] : []),
      { name: PAIRS, value: timings.length, unit: 'pairs' },
    ];
    const ms = (v: number): string => `${Math.round(v)} ms`;
    const cpu = (v: number | undefined): string => (v === undefined ? '?' : `${v.toFixed(2)} s`);
    const notes = [
      `compare.real_header_pairs: ${timings.length} pairs of linux-libc-dev ${before.headers.version} -> ${after.headers.version}, one run each, the tools alternating; median ratio ${medianRatio} (target ≤ 1.0: ${medianRatio <= 1 ? 'met' : 'not met'}), worst ${worst.header} ${significant(ratioOf(worst))} (target ≤ 3.0: ${ratioOf(worst) <= 3 ? 'met' : 'not met'}).`,
      `  ours: \`node bin/uapi.js diff OLD NEW --old-include A --new-include B\` (8 ABIs, empty cache); theirs: gcc -g of each side + abidiff (${tools.tools.ccVersion}, abidiff ${tools.tools.abidiffVersion}), x86_64. Wall (CPU user+sys):`,
      ...timings.map((p) => `  ${p.header}: ${ms(p.ours.ms)} (${cpu(p.ours.cpu)}) vs ${ms(p.theirs.ms)} (${cpu(p.theirs.cpu)}): ${significant(ratioOf(p))}`),
      ...(incumbentFailed.length > 0 ? [`  left out, the incumbent does not compile them: ${incumbentFailed.join('; ')}`] : []),
    ];
    return { results, notes, missing: [], failures: [] };
  },
};
