import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { findAbi, type Abi } from '../core/layout/abi';
import { spec } from '../../specs/habanalabs/spec';
import { dataToJson } from '../conformance/pbt/run/data-json';
import { propertiesStep } from './properties-step';

const snapshots = path.resolve(__dirname, '..', '..', '..', 'snapshots');
const abis = ['x86_64', 'i386', 'aarch64'].map((n) => findAbi(n) as Abi);

test('the properties step runs the corpus and every property (x86_64 and i386 of the selected ABIs) and passes', (t) => {
  const s = propertiesStep(spec, 'specs/habanalabs', { runs: 5, snapshotsRoot: snapshots, abis });
  t.is(s.verdict, 'pass', s.summary);
  t.is(s.command, 'npx uapi fuzz specs/habanalabs --quick --seed 20250705');
  t.deepEqual(s.detail?.['abis'], ['x86_64', 'i386']);
  const props = s.properties ?? [];
  t.true(props.some((p) => p.name === 'model/command-sequences [x86_64 vs i386]'));
  t.true(props.some((p) => p.name.startsWith('regression ')));
  t.true(props.every((p) => p.verdict === 'pass'));
});

test('a uAPI the emulated core does not speak is skipped with the reason', (t) => {
  const other = { ...spec, name: 'other', records: spec.records.filter((r) => r.name !== 'hl_cs_chunk') };
  const s = propertiesStep(other, 'specs/other', { runs: 5, snapshotsRoot: snapshots, abis });
  t.is(s.verdict, 'skip');
  t.regex(s.summary, /does not speak other: .*hl_cs_chunk/);
});

test('a failing property fails the step with the rule, the counterexample and the replay command', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-props-'));
  const dir = path.join(root, 'habanalabs', 'regressions');
  fs.mkdirSync(dir, { recursive: true });
  // A "regression" that claims DRM_IOCTL_HL_INFO's own type and nr are unknown: it fails on the real core.
  fs.writeFileSync(path.join(dir, 'bogus.json'), dataToJson({
    format: 'uapi-pbt-failure/1', property: 'D3/unknown-command-enotty', spec: 'habanalabs 1.4.0', abi: 'x86_64', mutations: [], seed: 1,
    counterexample: { type: 0x64, nr: 0x40, size: 24, dir: 'rw' },
  }));
  const s = propertiesStep(spec, 'specs/habanalabs', { runs: 2, snapshotsRoot: root, abis });
  t.is(s.verdict, 'fail');
  const bad = (s.properties ?? []).filter((p) => p.verdict === 'fail');
  t.is(bad.length, 1);
  t.regex(bad[0]?.message ?? '', /\[D3\/unknown-command-enotty\] request 0xc0186440 .* expected ENOTTY\ncounterexample: /);
  t.regex(bad[0]?.command ?? '', /^npx uapi replay specs\/habanalabs --property D3\/unknown-command-enotty --abi x86_64 --seed 1/);
  t.is(s.items[0]?.rule, 'D3/unknown-command-enotty');
});
