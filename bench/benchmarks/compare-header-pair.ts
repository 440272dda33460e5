import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import type { BenchResult } from '../benchmark';
import { habanalabsPair, type HeaderPairInputs } from '../header-pair';
import { findIncumbentTools, runIncumbentOnFiles, type IncumbentTools } from '../incumbent';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { gccIncludeDirs } from '../scale/header-trees';
import { median, significant } from '../stats';

const UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');

const RATIO = 'compare.header_pair_8abi_vs_abidiff_1abi';
const WARM_RATIO = 'compare.header_pair_8abi_warm_vs_abidiff_1abi';
const COLD_MS = 'compare.header_pair_uapi_diff_cold_ms';
const WARM_MS = 'compare.header_pair_uapi_diff_warm_ms';
const ABIDIFF_MS = 'compare.header_pair_abidiff_1abi_ms';

/** `uapi diff OLD NEW -I TREE` as a user runs it: a new Node process, its whole text report; wall time in ms. */
function timeUapiDiff(pair: HeaderPairInputs, cacheDir: string): number | Issue {
  const env: NodeJS.ProcessEnv = { ...process.env, UAPI_HARNESS_CACHE_DIR: cacheDir };
  delete env['UAPI_HARNESS_CACHE'];
  const started = performance.now();
  const r = spawnSync(process.execPath, [UAPI_BIN, 'diff', pair.old.file, pair.new.file, '-I', pair.new.tree], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  // The pair is a breaking change (the accel move renumbered ioctls): exit 1 with a report is a proper run.
  if (r.status !== 1 || !/breaking/.test(r.stdout)) {
    const why = r.error?.message ?? (r.stderr.trim().split('\n')[0] ?? `exit ${r.status ?? r.signal ?? '?'}`);
    return issue('BENCH_RUN', 'uapi diff', `did not give the expected breaking verdict (exit ${r.status ?? r.signal ?? '?'}): ${why}`);
  }
  return ms;
}

/** check-uapi.sh's pipeline on the pair: gcc of each version against its own tree, then abidiff; ms. */
function timeIncumbent(pair: HeaderPairInputs, tools: IncumbentTools): number | Issue {
  const r = runIncumbentOnFiles(pair.old.file, pair.new.file, tools, { oldIncludeDirs: gccIncludeDirs(pair.old.tree), includeDirs: gccIncludeDirs(pair.new.tree) });
  if (r.run === undefined) return r.issues[0] ?? issue('BENCH_RUN', 'abidiff', 'check-uapi.sh\'s pipeline did not run');
  return r.run.timing.totalMs;
}

/** Node's own start-up (`node -e ''`), to show how much of the cold figure no work can remove. */
function timeNodeStart(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  return performance.now() - started;
}

/**
 * One real header pair, both tools as a user runs them, in the same process run and interleaved so
 * that load on the machine hits both alike. Ours: `node bin/uapi.js diff` (8 ABIs, layouts, request
 * numbers, enum and macro values) as a subprocess, Node start-up and module loading included; cold
 * with an empty import cache (the fair comparison: abidiff has no cache), and warm with the cache the
 * cold run left. Theirs: check-uapi.sh's two gcc compiles and abidiff as subprocesses, x86_64 only.
 * Medians over the repetitions.
 */
export const headerPairComparison: Measurement = {
  name: 'compare.header_pair',
  figures: [RATIO, WARM_RATIO, COLD_MS, WARM_MS, ABIDIFF_MS],
  description: 'uapi diff (8 ABIs, values) vs check-uapi.sh pipeline (gcc + abidiff, 1 ABI) on habanalabs 6.1 -> 6.12',
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const found = habanalabsPair();
    if (found.pair === undefined) return { results: [], notes: [], missing: found.issues, failures: [] };
    const pair = found.pair;
    const tools = findIncumbentTools();
    const repetitions = Math.max(3, 2 * Math.round(3.5 * ctx.seconds) + 1);
    const cold: number[] = [];
    const warm: number[] = [];
    const incumbent: number[] = [];
    const nodeStart: number[] = [];
    const failures: Issue[] = [];
    for (let i = 0; i < repetitions && failures.length === 0; i++) {
      ctx.progress(`compare.header_pair: run ${i + 1}/${repetitions}`);
      const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-cache-'));
      try {
        const c = timeUapiDiff(pair, cacheDir);
        const w = timeUapiDiff(pair, cacheDir);
        for (const [x, into] of [[c, cold], [w, warm]] as const) {
          if (typeof x === 'number') into.push(x);
          else failures.push(x);
        }
      } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
      }
      if (tools.tools !== undefined) {
        const x = timeIncumbent(pair, tools.tools);
        if (typeof x === 'number') incumbent.push(x);
        else failures.push(x);
      }
      nodeStart.push(timeNodeStart());
    }
    if (failures.length > 0) return { results: [], notes: [], missing: [], failures };
    const ms = (v: number): number => Math.round(v * 10) / 10;
    const results: BenchResult[] = [];
    const coldMs = median(cold);
    const warmMs = median(warm);
    const notes = [
      `compare.header_pair: ${pair.old.label} -> ${pair.new.label}, ${repetitions} interleaved runs, medians.`,
      `  ours: \`node bin/uapi.js diff OLD NEW -I <6.12 tree>\` (8 ABIs, text report) as a subprocess: cold ${ms(coldMs)} ms (empty import cache), warm ${ms(warmMs)} ms; Node start-up alone (\`node -e ''\`) ${ms(median(nodeStart))} ms.`,
    ];
    if (tools.tools === undefined) {
      results.push({ name: COLD_MS, value: ms(coldMs), unit: 'ms' }, { name: WARM_MS, value: ms(warmMs), unit: 'ms' });
      return { results, notes, missing: tools.issues, failures: [] };
    }
    const abidiffMs = median(incumbent);
    const ratio = significant(coldMs / abidiffMs);
    const warmRatio = significant(warmMs / abidiffMs);
    results.push(
      { name: RATIO, value: ratio, unit: 'ratio' },
      { name: WARM_RATIO, value: warmRatio, unit: 'ratio' },
      { name: COLD_MS, value: ms(coldMs), unit: 'ms' },
      { name: WARM_MS, value: ms(warmMs), unit: 'ms' },
      { name: ABIDIFF_MS, value: ms(abidiffMs), unit: 'ms' },
    );
    notes.push(
      `  check-uapi.sh: gcc -g of each version against its own tree + abidiff (${tools.tools.ccVersion}, abidiff ${tools.tools.abidiffVersion}), x86_64 only, as subprocesses: ${ms(abidiffMs)} ms.`,
      `  target < 1.0: cold ${ratio} (${ratio < 1 ? 'met' : 'not met'}), warm ${warmRatio} (${warmRatio < 1 ? 'met' : 'not met'}).`,
    );
    return { results, notes, missing: [], failures: [] };
  },
};
