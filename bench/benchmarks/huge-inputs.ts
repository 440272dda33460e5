import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import type { BenchResult } from '../benchmark';
import { bigSpecJson, defineValue, definesHeader, mixedHeader, writtenValues } from '../huge/generate';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';

const UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');
const PEAK_RSS = path.resolve(__dirname, '..', 'huge', 'peak-rss.js');
const SPEC_TYPES = 100_000;

const DEFINES_S = 'huge.defines_10mb_import_s';
const DEFINES_MB = 'huge.defines_10mb_import_peak_rss_mb';
const MIXED_S = 'huge.mixed_10mb_import_s';
const MIXED_MB = 'huge.mixed_10mb_import_peak_rss_mb';
const SPEC_S = 'huge.spec_100k_types_snapshot_s';
const SPEC_MB = 'huge.spec_100k_types_snapshot_peak_rss_mb';

interface Run {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly seconds: number;
  readonly peakMb: number | undefined;
}

/** `node bin/uapi.js ARGS` in `cwd` as a user runs it, without the import cache; wall time and the Node process's peak RSS. */
function uapi(cwd: string, args: readonly string[]): Run {
  const rssFile = path.join(cwd, '.peak-rss');
  const env: NodeJS.ProcessEnv = { ...process.env, UAPI_HARNESS_CACHE: 'off', UAPI_BENCH_PEAK_RSS_FILE: rssFile };
  delete env['CI'];
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--require', PEAK_RSS, UAPI_BIN, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const kb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', seconds, peakMb: Number.isFinite(kb) ? Math.round(kb / 1024) : undefined };
}

const firstLine = (r: Run): string => r.err.trim().split('\n')[0] ?? '';

/** The figures of one run, or a failure naming what went wrong. */
function figures(what: string, r: Run, time: string, rss: string, problem: string | undefined, failures: Issue[]): BenchResult[] {
  if (r.code !== 0 || problem !== undefined) {
    failures.push(issue('BENCH_HUGE', what, problem ?? `exit ${r.code ?? 'signal'}: ${firstLine(r)}`));
    return [];
  }
  return [{ name: time, value: Number(r.seconds.toFixed(1)), unit: 's' }, ...(r.peakMb !== undefined ? [{ name: rss, value: r.peakMb, unit: 'MB' }] : [])];
}

/** Every constant of the defines header, with its value, in the written spec.ts. */
function checkDefines(dir: string, count: number): string | undefined {
  const values = writtenValues(fs.readFileSync(path.join(dir, 'out', 'spec.ts'), 'utf8'));
  for (let i = 0; i < count; i++) {
    const name = `BIG_CONSTANT_NUMBER_${String(i).padStart(6, '0')}`;
    if (values.get(name) !== defineValue(i)) return `${name} is ${values.get(name) ?? 'missing'} in the written spec.ts, not ${defineValue(i)}`;
  }
  return values.size === count ? undefined : `the written spec.ts has ${values.size} constants, not ${count}`;
}

/** The counts of the mixed header and, for every 1,000th block and the last, its values. */
function checkMixed(dir: string, r: Run, count: number): string | undefined {
  const summary = `${count} structs/unions, ${count} enums, ${count} constants, ${count} ioctls`;
  if (!r.out.includes(summary)) return `expected "${summary}", got: ${r.out.split('\n')[0] ?? ''}`;
  const text = fs.readFileSync(path.join(dir, 'out', 'spec.ts'), 'utf8');
  const values = writtenValues(text);
  for (let i = 0; i < count; i = i === count - 1 ? count : Math.min(i + 1000, count - 1)) {
    if (values.get(`BIG_E${i}_C`) !== BigInt(3 * i)) return `BIG_E${i}_C is ${values.get(`BIG_E${i}_C`) ?? 'missing'}, not ${3 * i}`;
    if (values.get(`BIG_FLAG_${i}`) !== 1n << BigInt(i % 32)) return `BIG_FLAG_${i} is ${values.get(`BIG_FLAG_${i}`) ?? 'missing'}, not ${1 << (i % 32)}`;
    const ioctl = new RegExp(`ioctl\\('BIG_IOC_${i}', \\{ dir: 'rw', type: 'd', nr: 0x${(i % 256).toString(16)}, arg: big_s${i} \\}\\)`);
    if (!ioctl.test(text)) return `BIG_IOC_${i} is not the rw ioctl 'd' ${i % 256} on struct big_s${i}`;
  }
  return undefined;
}

/**
 * Issue 13's big inputs, run as a user runs them (a new Node process each, no cache): `uapi import` of
 * a 10 MB header of #defines only and of a 10 MB header of structs, enums, ioctls and flags, every value
 * (a sample for the mixed header) checked in the written spec.ts; `uapi snapshot --update` then
 * `uapi snapshot` of a spec.json of 100,000 structs. Wall seconds and the Node process's peak RSS
 * (clang's processes apart). Opt-in (`--filter huge`): it takes minutes.
 */
export const hugeInputs: Measurement = {
  name: 'huge.inputs',
  figures: [DEFINES_S, DEFINES_MB, MIXED_S, MIXED_MB, SPEC_S, SPEC_MB],
  description: 'uapi import of two 10 MB headers and uapi snapshot of a 100,000-type spec: time and peak RSS, values checked',
  optIn: true,
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const results: BenchResult[] = [];
    const failures: Issue[] = [];
    const notes: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-bench-huge-'));
    try {
      ctx.progress('huge.inputs: uapi import of a 10 MB header of #defines');
      const defines = definesHeader();
      fs.writeFileSync(path.join(dir, 'defines.h'), defines.text);
      const d = uapi(dir, ['import', 'defines.h', '--out', 'out']);
      results.push(...figures('defines.h', d, DEFINES_S, DEFINES_MB, d.code === 0 ? checkDefines(dir, defines.count) : undefined, failures));
      notes.push(`huge.inputs: defines.h ${(defines.text.length / 2 ** 20).toFixed(1)} MB, ${defines.count} constants, every value checked.`);

      ctx.progress('huge.inputs: uapi import of a 10 MB header of structs, enums, ioctls and flags');
      const mixed = mixedHeader();
      fs.writeFileSync(path.join(dir, 'mixed.h'), mixed.text);
      fs.rmSync(path.join(dir, 'out'), { recursive: true, force: true });
      const m = uapi(dir, ['import', 'mixed.h', '--out', 'out']);
      results.push(...figures('mixed.h', m, MIXED_S, MIXED_MB, m.code === 0 ? checkMixed(dir, m, mixed.count) : undefined, failures));
      notes.push(`huge.inputs: mixed.h ${(mixed.text.length / 2 ** 20).toFixed(1)} MB, ${mixed.count} each of structs, enums, ioctls and flags, every 1,000th checked.`);

      ctx.progress(`huge.inputs: uapi snapshot of a spec.json of ${SPEC_TYPES} types`);
      const project = path.join(dir, 'project');
      fs.mkdirSync(path.join(project, 'specs', 'big'), { recursive: true });
      fs.writeFileSync(path.join(project, 'specs', 'big', 'spec.json'), bigSpecJson(SPEC_TYPES));
      const written = uapi(project, ['snapshot', '--update']);
      const golden = path.join(project, 'snapshots', 'big', '1.0.0', 'x86_64.txt');
      const wrote = written.code !== 0 ? undefined : !fs.existsSync(golden) || !fs.readFileSync(golden, 'utf8').includes(`struct s${SPEC_TYPES - 1} {`) ? `${golden} does not hold struct s${SPEC_TYPES - 1}` : undefined;
      results.push(...figures('snapshot --update', written, SPEC_S, SPEC_MB, wrote, failures));
      const compared = uapi(project, ['snapshot']);
      if (compared.code !== 0) failures.push(issue('BENCH_HUGE', 'snapshot', `comparing the goldens just written: exit ${compared.code ?? 'signal'}: ${firstLine(compared)}`));
      notes.push(`huge.inputs: spec.json of ${SPEC_TYPES} structs: snapshot --update ${written.seconds.toFixed(1)} s, then snapshot (compare) ${compared.seconds.toFixed(1)} s, exit ${compared.code ?? 'signal'}.`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { results, notes, missing: [], failures };
  },
};
