import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatIssue } from '../harness/core/diagnostics/format';
import type { BenchResult } from './benchmark';
import { formatJson, formatText } from './format';
import { BENCHMARKS, LOADED_BENCHMARKS, MEASUREMENTS } from './registry';
import { runBenchmark, runOperation } from './runner';

const USAGE = 'usage: npm run bench -- [--format text|json] [--time SECONDS] [--filter SUBSTRING] [--out FILE]';

interface Args {
  format: 'text' | 'json';
  seconds: number;
  filter: string | undefined;
  out: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  const a: Args = { format: 'text', seconds: 1, filter: undefined, out: path.join('reports', 'bench.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    const value = argv[i + 1];
    if (!['--format', '--time', '--filter', '--out'].includes(flag)) return `unknown argument ${flag}`;
    if (value === undefined) return `${flag} needs a value`;
    i++;
    if (flag === '--format') {
      if (value !== 'text' && value !== 'json') return `--format must be text or json, not ${value}`;
      a.format = value;
    } else if (flag === '--time') {
      const s = Number(value);
      if (!Number.isFinite(s) || s <= 0) return `--time must be a positive number of seconds, not ${value}`;
      a.seconds = s;
    } else if (flag === '--filter') a.filter = value;
    else a.out = value;
  }
  return a;
}

/** The machine and the date, for the text table (figures mean little without them). */
export function machineLine(now: Date = new Date()): string {
  const cpu = os.cpus()[0]?.model.trim() ?? os.arch();
  const gb = Math.round(os.totalmem() / 2 ** 30);
  return `${now.toISOString().slice(0, 10)}: ${cpu}, ${os.availableParallelism()} cores, ${gb} GB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/**
 * `npm run bench`: runs the rate benchmarks, then the comparisons, prints every figure and writes
 * reports/bench.json. Exit code: 0 when every selected figure was measured; 1 when a benchmark failed
 * (a bug); 2 for a usage error or a missing prerequisite (gcc, abidiff, clang, Debian's archive) —
 * the figures that could be measured are printed and written all the same.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`bench: ${args}\n${USAGE}\n`);
    return 2;
  }
  const chosen = (name: string): boolean => args.filter === undefined || name.includes(args.filter);
  const rates = BENCHMARKS.filter((b) => chosen(b.name));
  const loaded = LOADED_BENCHMARKS.filter((b) => chosen(b.name));
  const measurements = MEASUREMENTS.filter((m) => (m.optIn !== true || args.filter !== undefined) && (chosen(m.name) || m.figures.some(chosen)));
  if (rates.length + loaded.length + measurements.length === 0) {
    process.stderr.write(`bench: no benchmark name contains "${args.filter ?? ''}"\n`);
    return 2;
  }
  const results: BenchResult[] = [];
  const notes: string[] = [];
  let failed = false;
  let missing = false;
  const fail = (name: string, message: string): void => {
    failed = true;
    process.stderr.write(`bench: ${name}: ${message}\n`);
  };
  for (const b of rates) {
    const r = runBenchmark(b, { seconds: args.seconds });
    if (r.ok) results.push(r.result);
    else fail(r.name, r.message);
  }
  for (const b of loaded) {
    const op = await b.load();
    if (typeof op === 'string') {
      fail(b.name, `setup failed: ${op}`);
      continue;
    }
    const r = runOperation(b.name, b.unit, op, { seconds: args.seconds });
    if (r.ok) results.push(r.result);
    else fail(r.name, r.message);
  }
  const progress = (line: string): void => {
    if (process.stderr.isTTY === true) process.stderr.write(`bench: ${line}\n`);
  };
  for (const m of measurements) {
    const o = await m.measure({ seconds: args.seconds, progress });
    const wholeGroup = args.filter === undefined || m.name.includes(args.filter);
    results.push(...o.results.filter((r) => wholeGroup || chosen(r.name)));
    notes.push(...o.notes);
    for (const i of o.failures) fail(m.name, formatIssue(i));
    for (const i of o.missing) {
      missing = true;
      process.stderr.write(`bench: ${m.name}: not measured: ${formatIssue(i)}\n`);
    }
  }
  const json = formatJson(results);
  if (args.format === 'json') {
    process.stdout.write(json);
    if (notes.length > 0) process.stderr.write(`${notes.join('\n')}\n`);
  } else {
    process.stdout.write(`${machineLine()}\n\n${formatText(results)}${notes.length > 0 ? `\n${notes.join('\n')}\n` : ''}`);
  }
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, json);
  return failed ? 1 : missing ? 2 : 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
