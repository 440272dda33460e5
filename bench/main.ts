import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchResult } from './benchmark';
import { formatJson, formatText } from './format';
import { BENCHMARKS } from './registry';
import { runBenchmark } from './runner';

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

/** `npm run bench`: runs the registered benchmarks, prints them, and writes reports/bench.json. Returns the exit code. */
export function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`bench: ${args}\n${USAGE}\n`);
    return 2;
  }
  const chosen = BENCHMARKS.filter((b) => args.filter === undefined || b.name.includes(args.filter));
  if (chosen.length === 0) {
    process.stderr.write(`bench: no benchmark name contains "${args.filter ?? ''}"\n`);
    return 2;
  }
  const results: BenchResult[] = [];
  let failed = false;
  for (const b of chosen) {
    const r = runBenchmark(b, { seconds: args.seconds });
    if (r.ok) results.push(r.result);
    else {
      failed = true;
      process.stderr.write(`bench: ${r.name}: ${r.message}\n`);
    }
  }
  const json = formatJson(results);
  process.stdout.write(args.format === 'json' ? json : formatText(results));
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, json);
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
