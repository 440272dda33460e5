import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { spec } from '../../../../specs/habanalabs/spec';
import { formatDuration, parseDuration } from './duration';
import { fuzz, type FuzzOptions } from './fuzz';
import type { FuzzReport } from './fuzz-report';
import { mergeFuzzReports } from './merge';
import { progressLine, progressReporter } from './progress';
import { parseShard, roundOf, WHOLE } from './shard';
import { readFailureFile } from '../run/failure-file';

const abis = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);
const base: FuzzOptions = { spec, specArg: 'specs/habanalabs', abis, seed: 7, shard: WHOLE, timeMs: 0, rounds: 2, runsPerRound: 5, corpus: [] };
const counts = (r: FuzzReport): unknown => ({ ioctls: r.ioctls, runs: r.runs, failures: r.failures.length, properties: r.properties });

test('durations and shards parse as the CLI takes them', (t) => {
  t.is(parseDuration('30s'), 30_000);
  t.is(parseDuration('1h30m'), 5_400_000);
  t.is(parseDuration('250ms'), 250);
  t.is(parseDuration('1.5m'), 90_000);
  for (const bad of ['', '30', 's', '3x', '30s garbage']) t.is(parseDuration(bad), undefined, bad);
  t.is(formatDuration(90_000), '1m30s');
  t.deepEqual(parseShard('2/4'), { index: 2, count: 4 });
  for (const bad of ['0/4', '5/4', '1/0', '1-4', 'a/b']) t.is(parseShard(bad), undefined, bad);
  t.deepEqual([0, 1, 2].map((k) => roundOf({ index: 2, count: 4 }, k)), [1, 5, 9]);
});

test('a fuzz run is deterministic per (seed, shard)', (t) => {
  const a = fuzz({ ...base, shard: { index: 1, count: 2 } });
  const b = fuzz({ ...base, shard: { index: 1, count: 2 } });
  t.deepEqual(counts(a), counts(b));
  t.is(a.shard, '1/2');
  t.true(a.ioctls > 0 && a.runs > 0);
});

test('shards split one run: their merged report counts what the unsharded run of the same rounds counts', (t) => {
  const whole = fuzz({ ...base, rounds: 2 });
  const one = fuzz({ ...base, rounds: 1, shard: { index: 1, count: 2 } });
  const two = fuzz({ ...base, rounds: 1, shard: { index: 2, count: 2 } });
  t.notDeepEqual(counts(one), counts(two), 'the shards ran different cases');
  const merged = mergeFuzzReports([two, one]);
  t.deepEqual(merged.issues, []);
  t.is(merged.report?.shard, '1/2,2/2');
  t.is(merged.report?.ioctls, whole.ioctls);
  t.is(merged.report?.runs, whole.runs);
  t.deepEqual(mergeFuzzReports([one, { ...two, seed: 8 }]).issues.map((i) => i.code), ['FUZZ_MERGE']);
});

test('every distinct failure becomes a failure file with the command that replays it', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-fuzz-'));
  const r = fuzz({ ...base, rounds: 1, runsPerRound: 20, mutations: ['accept-unknown-flags'], failuresDir: dir });
  t.true(r.failures.length >= 1);
  for (const f of r.failures) {
    t.truthy(f.file);
    t.is(f.command, `npx uapi replay specs/habanalabs ${f.file ?? ''}`);
    const back = readFailureFile(f.file ?? '');
    t.is(back.failure?.property, f.property);
    t.deepEqual(back.failure?.mutations, ['accept-unknown-flags']);
  }
  t.is(new Set(r.failures.map((f) => `${f.property}|${f.abi}|${f.rule ?? ''}`)).size, r.failures.length, 'no failure twice');
});

test('progress: a bar on a terminal, a plain line every interval otherwise', (t) => {
  const p = { elapsedMs: 15_000, timeMs: 30_000, ioctls: 1234567, runs: 890, failures: 1, rounds: 3 };
  t.is(progressLine(p, true), '[############............] 50% 15s of 30s, 1,234,567 ioctls, 890 runs, 1 failure');
  t.is(progressLine(p, false), 'fuzz: 15s of 30s, 1,234,567 ioctls, 890 runs, 1 failure');
  const lines: string[] = [];
  const r = progressReporter((s) => lines.push(s), false, 10_000);
  for (const ms of [1_000, 9_000, 10_500, 12_000, 21_000]) r.update({ ...p, elapsedMs: ms });
  r.end();
  t.deepEqual(lines.map((l) => l.slice(0, 14)), ['fuzz: 11s of 3', 'fuzz: 21s of 3']);
});
