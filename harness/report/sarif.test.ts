import test from 'ava';
import type { RegisteredRule } from '../core/rules/registered-rule';
import { DEMO_REPORT } from '../testing/report-data';
import { sarifProblems } from '../testing/sarif-shape';
import { formatSarif, SARIF_SCHEMA } from './sarif';
import type { Report } from './report';

const RULES: readonly RegisteredRule[] = [
  { id: 'S2/no-implicit-padding', family: 'lint', level: 'error', severity: 'error', purpose: 'holes are explicit pad fields' },
  { id: 'S8/64-bit-time', family: 'lint', level: 'warning', severity: 'warning', purpose: 'times are 64-bit' },
  { id: 'S7/size-multiple-of-4', family: 'lint', level: 'warning', severity: 'warning', purpose: 'sizes are a multiple of 4' },
  { id: 'FIELD_OFFSET_CHANGED', family: 'change', level: 'abi-break', severity: 'error', purpose: 'a field moved' },
  { id: 'TYPE_ADDED', family: 'change', level: 'compatible', severity: 'info', purpose: 'a type was added' },
];

interface Log {
  runs: { tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } }; results: Record<string, unknown>[] }[];
}
const parse = (r: Report): Log => JSON.parse(formatSarif(r)) as Log;

test('sarif: a valid 2.1.0 log whose driver lists the report\'s rules from the registry', (t) => {
  const text = formatSarif({ ...DEMO_REPORT, rules: RULES, source: 'specs/x/spec.ts' });
  const log = JSON.parse(text) as Log & { $schema: string; version: string };
  t.deepEqual(sarifProblems(log), []);
  t.is(log.$schema, SARIF_SCHEMA);
  t.is(log.version, '2.1.0');
  const driver = log.runs[0]?.tool.driver;
  t.is(driver?.name, 'uapi-harness');
  t.deepEqual(driver?.rules.map((r) => [r.id, r.shortDescription.text, r.defaultConfiguration.level]), [
    ['S2/no-implicit-padding', 'holes are explicit pad fields', 'error'],
    ['S8/64-bit-time', 'times are 64-bit', 'warning'],
    ['S7/size-multiple-of-4', 'sizes are a multiple of 4', 'warning'],
    ['FIELD_OFFSET_CHANGED', 'a field moved', 'error'],
    ['TYPE_ADDED', 'a type was added', 'note'],
  ]);
});

test('sarif: results carry rule, index, level, message and location; a waived one is suppressed', (t) => {
  const results = parse({ ...DEMO_REPORT, rules: RULES, source: '/abs/include/uapi/x.h' }).runs[0]?.results ?? [];
  t.deepEqual(results.map((r) => [r['ruleId'], r['ruleIndex'], r['level']]), [
    ['S2/no-implicit-padding', 0, 'error'], ['S8/64-bit-time', 1, 'warning'], ['S7/size-multiple-of-4', 2, 'note'], ['FIELD_OFFSET_CHANGED', 3, 'error'],
  ]);
  t.deepEqual(results[0]?.['message'], { text: 'struct a.b: 4-byte hole before it; declare `__u32 pad` (on x86_64, arm)' });
  t.deepEqual(results[0]?.['locations'], [{
    physicalLocation: { artifactLocation: { uri: 'specs/x/spec.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 3 } },
    logicalLocations: [{ fullyQualifiedName: 'struct a.b' }],
  }]);
  t.deepEqual(results[0]?.['properties'], { abis: ['x86_64', 'arm'] });
  // No location of its own: the report's source file (an absolute path is a file:// URI).
  t.deepEqual((results[1]?.['locations'] as { physicalLocation: unknown }[])[0]?.physicalLocation, { artifactLocation: { uri: 'file:///abs/include/uapi/x.h' } });
  // `,` and `:` are percent-encoded, so `a,b:c.h` cannot read as a URI scheme.
  t.deepEqual((results[2]?.['locations'] as { physicalLocation: unknown }[])[0]?.physicalLocation, { artifactLocation: { uri: 'a%2Cb%3Ac.h', uriBaseId: '%SRCROOT%' }, region: { startLine: 5 } });
  t.deepEqual(results[2]?.['suppressions'], [{ kind: 'external', justification: 'frozen <since> 5.1 & "ok"' }]);
  t.deepEqual(results[3]?.['properties'], { level: 'abi-break' });
});

test('sarif: without registry rules or a source file, results keep their rule id and have no index or location', (t) => {
  const log = parse({ ...DEMO_REPORT, items: [{ rule: 'CORPUS_BAD', level: 'error', subject: 's', message: 'm' }] });
  t.deepEqual(sarifProblems(log), []);
  t.deepEqual(log.runs[0]?.results, [{ ruleId: 'CORPUS_BAD', level: 'error', message: { text: 's: m' } }]);
});

test('the SARIF shape check names what is wrong (so the tests above can fail)', (t) => {
  const log = parse({ ...DEMO_REPORT, rules: RULES }) as unknown as { version: string; runs: { results: Record<string, unknown>[]; tool: { driver: Record<string, unknown> } }[] };
  log.version = '2.0.0';
  const run = log.runs[0] as (typeof log.runs)[number];
  run.results[0] = { ...run.results[0], ruleIndex: 1, level: 'fatal' };
  delete run.results[1]?.['message'];
  run.results[2] = { ...run.results[2], locations: [{ physicalLocation: { artifactLocation: { uri: 'v6.1:x.h', uriBaseId: '%SRCROOT%' }, region: { startLine: 0 } } }] };
  delete run.tool.driver['name'];
  t.deepEqual(sarifProblems(log), [
    '$.version: must be "2.1.0"',
    '$.runs[0].tool.driver.name: must be a non-empty string',
    '$.runs[0].results[0].level: must be one of none, note, warning, error',
    '$.runs[0].results[0].ruleIndex: does not point at rule S2/no-implicit-padding',
    '$.runs[0].results[1].message: must be a message object',
    '$.runs[0].results[2].locations[0].physicalLocation.artifactLocation.uri: v6.1:x.h is not a valid URI reference',
    '$.runs[0].results[2].locations[0].physicalLocation.region.startLine: must be an integer of at least 1',
  ]);
});
