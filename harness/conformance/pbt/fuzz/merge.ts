import * as fs from 'node:fs';
import { issue, type Issue } from '../../../core/diagnostics/issue';
import { dataFromJson } from '../run/data-json';
import type { FuzzPropertyStats, FuzzReport } from './fuzz-report';
import { parseShard } from './shard';

/** Reads a `uapi fuzz --format json` report; problems come back as issues naming the file. */
export function readFuzzReport(file: string): { report?: FuzzReport; issues: Issue[] } {
  let raw: unknown;
  try {
    raw = dataFromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    return { issues: [issue('FUZZ_REPORT', file, `cannot read a fuzz report: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  const r = raw as Partial<FuzzReport> | null;
  if (r === null || typeof r !== 'object' || typeof r.ioctls !== 'number' || typeof r.runs !== 'number' || !Array.isArray(r.failures) || typeof r.shard !== 'string') {
    return { issues: [issue('FUZZ_REPORT', file, 'not a fuzz report: ioctls, runs, failures and shard are required')] };
  }
  return { report: { backend: 'emulated', seed: 0, spec: '', abis: [], rounds: 0, elapsedMs: 0, properties: [], ...r } as FuzzReport, issues: [] };
}

/**
 * One report from shard reports: counts add up, failures are listed together, and `shard` lists the
 * shards held (`1/4,2/4,3/4,4/4`), sorted. Shards of different seeds or specs are an issue: their
 * rounds do not form one run.
 */
export function mergeFuzzReports(reports: readonly FuzzReport[], names: readonly string[] = []): { report?: FuzzReport; issues: Issue[] } {
  const first = reports[0];
  if (first === undefined) return { issues: [issue('FUZZ_MERGE', '--merge', 'no reports to merge')] };
  const issues: Issue[] = [];
  reports.forEach((r, i) => {
    if (r.seed !== first.seed || r.spec !== first.spec) issues.push(issue('FUZZ_MERGE', names[i] ?? `report ${i + 1}`, `seed ${r.seed} of ${r.spec} does not match seed ${first.seed} of ${first.spec}`));
    else if (r.backend !== first.backend) issues.push(issue('FUZZ_MERGE', names[i] ?? `report ${i + 1}`, `ran on the ${r.backend} backend, ${names[0] ?? 'report 1'} on the ${first.backend} one`));
  });
  if (issues.length > 0) return { issues };
  const shards = reports.flatMap((r) => r.shard.split(',')).map((s) => ({ text: s, shard: parseShard(s) }))
    .sort((a, b) => (a.shard?.index ?? 0) - (b.shard?.index ?? 0));
  const stats = new Map<string, FuzzPropertyStats>();
  for (const p of reports.flatMap((r) => r.properties)) {
    const s = stats.get(p.name);
    stats.set(p.name, { name: p.name, runs: (s?.runs ?? 0) + p.runs, ioctls: (s?.ioctls ?? 0) + p.ioctls });
  }
  return {
    report: {
      ioctls: reports.reduce((a, r) => a + r.ioctls, 0),
      runs: reports.reduce((a, r) => a + r.runs, 0),
      failures: reports.flatMap((r) => r.failures),
      backend: first.backend,
      seed: first.seed,
      shard: shards.map((s) => s.text).join(','),
      spec: first.spec,
      abis: [...new Set(reports.flatMap((r) => r.abis))],
      rounds: reports.reduce((a, r) => a + r.rounds, 0),
      elapsedMs: Math.max(...reports.map((r) => r.elapsedMs)),
      properties: [...stats.values()],
    },
    issues: [],
  };
}
