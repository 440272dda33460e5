import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Benchmark } from './benchmark';
import { formatJson, formatText } from './format';
import { allFigureNames, BENCHMARKS } from './registry';
import { runBenchmark } from './runner';

test('--format json prints the contract shape and writes the same to --out', (t) => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'bench.json');
  const r = spawnSync(process.execPath, [path.join(__dirname, 'main.js'), '--format', 'json', '--time', '0.05', '--filter', 'emulator.', '--out', out], { encoding: 'utf8' });
  t.is(r.status, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as { results: { name: string; value: number; unit: string }[] };
  t.deepEqual(printed.results.map((x) => x.name), ['emulator.info_ioctl', 'emulator.info_hw_ip_ioctl', 'emulator.cs_roundtrip']);
  for (const x of printed.results) {
    t.deepEqual(Object.keys(x), ['name', 'value', 'unit']);
    t.true(Number.isInteger(x.value) && x.value > 0);
    t.is(x.unit, 'ops/s');
  }
  t.deepEqual(JSON.parse(fs.readFileSync(out, 'utf8')), printed);
});

test('bad arguments exit 2 with the usage, and no stack trace', (t) => {
  for (const args of [['--format', 'xml'], ['--time', '-1'], ['--bogus'], ['--filter', 'no-such-benchmark']]) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'main.js'), ...args], { encoding: 'utf8' });
    t.is(r.status, 2, args.join(' '));
    t.regex(r.stderr, /^bench: /);
    t.notRegex(r.stderr, /\n\s+at /);
  }
});

test('the runner reports a failing operation instead of a rate', (t) => {
  let n = 0;
  const flaky: Benchmark = { name: 'test.flaky', unit: 'ops/s', description: '', setup: () => ({ run: () => ++n < 100 }) };
  const r = runBenchmark(flaky, { seconds: 0.05 });
  t.false(r.ok);
  t.regex(!r.ok ? r.message : '', /operation failed after 99 runs/);
});

test('benchmark names are unique and formatters show every result', (t) => {
  const names = BENCHMARKS.map((b) => b.name);
  t.is(new Set(names).size, names.length);
  const results = [{ name: 'a.b', value: 1234567, unit: 'ops/s' }];
  t.is(formatJson(results), '{\n  "results": [\n    {\n      "name": "a.b",\n      "value": 1234567,\n      "unit": "ops/s"\n    }\n  ]\n}\n');
  t.regex(formatText(results), /a\.b\s+1,234,567\s+ops\/s/);
});

test('every figure name (rates, comparisons, scale) is unique', (t) => {
  const names = allFigureNames();
  t.is(new Set(names).size, names.length);
  for (const n of ['compare.header_pair_8abi_vs_abidiff_1abi', 'scale.whole_uapi_8abi_s', 'scale.whole_uapi_abidiff_1abi_s', 'layout.types_per_s', 'diff.changes_per_s', 'pbt.ioctls_per_s']) t.true(names.includes(n), n);
});

test('rates of work items count the items: layout types and fast-check ioctls', (t) => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'bench.json');
  for (const [filter, unit] of [['layout.types', 'types/s'], ['pbt.ioctls', 'ioctls/s']] as const) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'main.js'), '--format', 'json', '--time', '0.05', '--filter', filter, '--out', out], { encoding: 'utf8' });
    t.is(r.status, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as { results: { name: string; value: number; unit: string }[] };
    t.is(printed.results.length, 1);
    t.is(printed.results[0]?.unit, unit);
    t.true((printed.results[0]?.value ?? 0) > 1000, `${filter}: ${printed.results[0]?.value ?? 'none'}`);
  }
});
