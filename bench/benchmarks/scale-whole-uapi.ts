import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BATCH_SIZE } from '../../harness/frontend/clang/native-batch';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import { fetchKernelHeaders } from '../../harness/frontend/kernel-headers';
import type { BenchResult } from '../benchmark';
import { findIncumbentTools } from '../incumbent';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { childrenCpuSeconds } from '../scale/children-cpu';
import { countOutcomes, type HeaderOutcome } from '../scale/header-outcome';
import { treeHeaders, type TreePair } from '../scale/header-trees';
import { runIncumbentOnTree } from '../scale/incumbent-tree';
import { runUapiOnTree } from '../scale/uapi-pool';
import { significant } from '../stats';

const OURS_S = 'scale.whole_uapi_8abi_s';
const ABIDIFF_S = 'scale.whole_uapi_abidiff_1abi_s';
const RATIO = 'scale.whole_uapi_8abi_vs_abidiff_1abi';
const HEADERS = 'scale.whole_uapi_headers';
const COMPARED = 'scale.whole_uapi_headers_compared';
const FAILED_OURS = 'scale.whole_uapi_headers_failed_uapi';
const FAILED_ABIDIFF = 'scale.whole_uapi_headers_failed_abidiff';
const REMOVED = 'scale.whole_uapi_headers_removed';
const OURS_CPU = 'scale.whole_uapi_8abi_cpu_s';
const ABIDIFF_CPU = 'scale.whole_uapi_abidiff_1abi_cpu_s';

/**
 * Headers per chunk a worker takes: the probes of a chunk share clang processes (BATCH_SIZE probes
 * each), and its target-dependent headers share one preprocessing and one import process per ABI
 * variant, so bigger chunks start fewer processes. 4 batches measured fastest (0.93-0.95 against
 * abidiff, against 1.06-1.13 with one batch and 1.00 with eight); 826 headers still make enough chunks
 * for two workers.
 */
const CHUNK = 4 * BATCH_SIZE;

/** Reads every header of both trees once, so that neither tool pays for a cold page cache. */
function warmPageCache(pair: TreePair, headers: readonly string[]): void {
  for (const dir of [pair.oldDir, pair.newDir]) for (const h of headers) fs.readFileSync(path.join(dir, h));
}

/** Counts of why headers failed (issue code, or the tool that failed), largest first: `CLANG_ERROR 41, IMPORT_TYPE 30`. */
function reasons(outcomes: readonly HeaderOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    if (o.status !== 'failed') continue;
    const why = o.reason ?? '';
    const code = /(?:error|warning) ([A-Z][A-Z0-9_]+):/.exec(why)?.[1] ?? (/\bgcc\b/.test(why) ? 'gcc' : /abidiff/.test(why) ? 'abidiff' : 'other');
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ') || 'none';
}

/** `, skipped 12 (...)`, and the failed headers by name when there are few: what a reader acts on. */
function detail(outcomes: readonly HeaderOutcome[]): string {
  const skipped = outcomes.filter((o) => o.status === 'skipped').length;
  const failed = outcomes.filter((o) => o.status === 'failed').map((o) => o.path);
  return `${skipped > 0 ? `, skipped ${skipped} (they do not compile and the kernel's own header test exempts them)` : ''}${failed.length > 0 && failed.length <= 20 ? `; failed: ${failed.join(', ')}` : ''}`;
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** CPU seconds the children used since `before` (undefined without /proc). */
function cpuSince(before: number | undefined): number | undefined {
  const now = childrenCpuSeconds();
  return before === undefined || now === undefined ? undefined : now - before;
}

/**
 * The whole uAPI of one kernel against the next: every architecture-independent header Debian's
 * linux-libc-dev installs for Linux 6.1, checked against the same header of 6.12 — ours on 8 ABIs with
 * values, check-uapi.sh's pipeline on x86_64 — each tool with as many parallel jobs as the machine has
 * cores (check-uapi.sh's `-j` default). Every header is attempted by both tools the same way: a header
 * one version of which does not compile counts as failed for that tool (its time is spent all the
 * same); headers the new tree removed are reported by both without compiling. One run each: the
 * figures are seconds-long totals over hundreds of headers.
 */
export const wholeUapiScale: Measurement = {
  name: 'scale.whole_uapi',
  figures: [OURS_S, ABIDIFF_S, RATIO, OURS_CPU, ABIDIFF_CPU, HEADERS, COMPARED, FAILED_OURS, FAILED_ABIDIFF, REMOVED],
  description: 'every linux-libc-dev header, 6.1 vs 6.12: uapi (8 ABIs) vs check-uapi.sh pipeline (1 ABI)',
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const before = fetchKernelHeaders('6.1');
    const after = fetchKernelHeaders('6.12');
    if (before.headers === undefined || after.headers === undefined) return { results: [], notes: [], missing: [...before.issues, ...after.issues], failures: [] };
    const pair: TreePair = { oldDir: before.headers.includeDir, newDir: after.headers.includeDir, oldLabel: '6.1', newLabel: '6.12' };
    const { common, removed } = treeHeaders(pair);
    const jobs = os.availableParallelism();
    warmPageCache(pair, common);

    ctx.progress(`scale.whole_uapi: uapi on ${common.length} headers, ${jobs} jobs`);
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-cache-'));
    let ours: HeaderOutcome[];
    let oursMs: number;
    let oursCpu: number | undefined;
    try {
      const started = performance.now();
      const cpu = childrenCpuSeconds();
      ours = await runUapiOnTree(pair, common, { jobs, chunk: CHUNK, cacheDir });
      oursMs = performance.now() - started;
      oursCpu = cpuSince(cpu);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
    if (ours.some((o) => /CLANG_MISSING/.test(o.reason ?? ''))) {
      return { results: [], notes: [], missing: [issue('CLANG_MISSING', 'clang', ours.find((o) => /CLANG_MISSING/.test(o.reason ?? ''))?.reason ?? 'no clang')], failures: [] };
    }
    const mine = countOutcomes(ours);
    const failures: Issue[] = mine.compared < common.length / 2
      ? [issue('BENCH_RUN', 'scale.whole_uapi', `uapi compared only ${mine.compared} of ${common.length} headers (${reasons(ours)}): the run is not representative`)]
      : [];
    const results: BenchResult[] = [{ name: OURS_S, value: seconds(oursMs), unit: 's' }];
    const notes = [
      `scale.whole_uapi: linux-libc-dev ${before.headers.version} (6.1) -> ${after.headers.version} (6.12): ${common.length} headers in both trees (asm-generic/ and per-architecture asm/ left out), ${removed.length} removed; ${jobs} parallel jobs per tool.`,
      `  uapi (import both versions through clang, diff on 8 ABIs; empty import cache): ${seconds(oursMs)} s; compared ${mine.compared}, breaking ${mine.breaking}, failed ${mine.failed} (${reasons(ours)})${detail(ours)}.`,
    ];

    const tools = findIncumbentTools();
    if (tools.tools === undefined) {
      results.push({ name: HEADERS, value: common.length, unit: 'headers' }, { name: FAILED_OURS, value: mine.failed, unit: 'headers' }, { name: REMOVED, value: removed.length, unit: 'headers' });
      return { results, notes, missing: tools.issues, failures };
    }
    ctx.progress(`scale.whole_uapi: check-uapi.sh pipeline on ${common.length} headers, ${jobs} jobs`);
    const started = performance.now();
    const cpu = childrenCpuSeconds();
    const theirs = await runIncumbentOnTree(pair, common, tools.tools, jobs);
    const theirMs = performance.now() - started;
    const theirCpu = cpuSince(cpu);
    const their = countOutcomes(theirs);
    const both = common.filter((_, i) => ours[i]?.status === 'compared' && theirs[i]?.status === 'compared').length;
    const ratio = significant(oursMs / theirMs);
    results.push(
      { name: ABIDIFF_S, value: seconds(theirMs), unit: 's' },
      { name: RATIO, value: ratio, unit: 'ratio' },
      ...(oursCpu !== undefined && theirCpu !== undefined
        ? [{ name: OURS_CPU, value: seconds(oursCpu * 1000), unit: 's' }, { name: ABIDIFF_CPU, value: seconds(theirCpu * 1000), unit: 's' }]
        : []),
      { name: HEADERS, value: common.length, unit: 'headers' },
      { name: COMPARED, value: both, unit: 'headers' },
      { name: FAILED_OURS, value: mine.failed, unit: 'headers' },
      { name: FAILED_ABIDIFF, value: their.failed, unit: 'headers' },
      { name: REMOVED, value: removed.length, unit: 'headers' },
    );
    notes.push(
      `  check-uapi.sh (gcc -g of each version + abidiff, x86_64): ${seconds(theirMs)} s; compared ${their.compared}, breaking ${their.breaking}, failed ${their.failed} (${reasons(theirs)})${detail(theirs)}.`,
      `  compared by both: ${both}; target ours < abidiff's: ${ratio} (${ratio < 1 ? 'met' : 'not met'})${oursCpu !== undefined && theirCpu !== undefined ? `; CPU time (user + system, all processes) ${seconds(oursCpu * 1000)} s against ${seconds(theirCpu * 1000)} s, which other work on the machine does not inflate` : ''}.`,
    );
    return { results, notes, missing: [], failures };
  },
};
