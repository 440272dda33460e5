import test from 'ava';
import * as os from 'node:os';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { spec } from '../../../../specs/userfaultfd/spec';
import { userfaultfdUnavailable } from '../../../testing/userfaultfd-session';
import { unknownCommand } from '../../pbt/properties/unknown-command';
import type { SuiteProperty } from '../../pbt/properties/suite-property';
import { runSuite } from '../../pbt/run/suite';
import { fuzz } from '../../pbt/fuzz/fuzz';
import { WHOLE } from '../../pbt/fuzz/shard';
import { readFailureFile } from '../../pbt/run/failure-file';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { userfaultfdDevice } from './device';

/*
 * The spec-derived suite against the running kernel's userfaultfd, through the native backend, with
 * a small count budget. Needs /dev/userfaultfd openable (root here and in .ci/run); where it is not,
 * the precondition test logs why and the kernel tests are registered as skipped (never passed).
 */

const unavailable = userfaultfdUnavailable();
const x86_64 = findAbi('x86_64') as Abi;

test('precondition: /dev/userfaultfd opens through the native backend (the suite on the kernel needs it)', (t) => {
  t.log(`kernel ${os.release()}`);
  if (unavailable !== undefined) t.log(unavailable.why);
  t.true(unavailable === undefined || unavailable.errno > 0);
});

const kernelTest = unavailable === undefined ? test : test.skip;

kernelTest('the spec-derived properties hold on the running kernel; those userfaultfd gives nothing to test are skipped with their reason', (t) => {
  const r = runSuite({ spec, abis: [x86_64], counter: { ioctls: 0 }, runs: 8, seed: 5, device: userfaultfdDevice() });
  const by = new Map(r.outcomes.map((o) => [o.id, o]));
  t.deepEqual(r.outcomes.filter((o) => o.verdict === 'fail').map((o) => `${o.name}: ${o.message ?? ''}`), []);
  for (const id of ['D14/declared-errno', 'D2/unknown-flag-bits-rejected', 'D14/unknown-value-rejected', 'D14/bad-user-pointer-efault', 'D3/unknown-command-enotty', 'D14/unreadable-argument-efault', 'D4/shorter-argument-zero-extended', 'D4/longer-argument-tail-policy']) {
    t.is(by.get(id)?.verdict, 'pass', id);
  }
  t.is(by.get('no-cross-context-handle-use')?.message, 'no handle field outside a union in any ioctl argument');
  t.is(by.get('D1/nonzero-pad-rejected')?.message, 'no pad site outside a union in any ioctl argument');
  t.is(by.get('D13/32-bit-abi-same-result')?.message, 'no second ABI to compare with');
  t.true(r.ioctls > 300, `${r.ioctls} real ioctls`);
});

kernelTest('the kernel answers unknown commands with EINVAL: a device that claims the ENOTTY convention fails D3 on it', (t) => {
  const { unknownCommand: _stated, ...claimsEnotty } = userfaultfdDevice();
  const r = runSuite({ spec, abis: [x86_64], counter: { ioctls: 0 }, runs: 5, seed: 5, device: claimsEnotty, properties: [unknownCommand as SuiteProperty], endOnFailure: true });
  t.is(r.outcomes[0]?.verdict, 'fail');
  t.regex(r.outcomes[0]?.message ?? '', /gave EINVAL, expected ENOTTY/);
});

kernelTest('--device: a node that is not /dev/userfaultfd fails the recipe, and every property is skipped with that reason', (t) => {
  const r = runSuite({ spec, abis: [x86_64], counter: { ioctls: 0 }, runs: 3, seed: 5, device: userfaultfdDevice('/dev/null'), properties: [unknownCommand as SuiteProperty] });
  t.is(r.outcomes[0]?.verdict, 'skip');
  t.regex(r.outcomes[0]?.message ?? '', /\/dev\/null could not be opened and handed a userfaultfd \(errno 25/);
});

kernelTest('a fuzz failure on the native backend is written with "backend": "native", and its replay command repeats --device', (t) => {
  const { unknownCommand: _stated, ...claimsEnotty } = userfaultfdDevice();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-native-fuzz-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const r = fuzz({
    spec, specArg: 'specs/userfaultfd', abis: [x86_64], seed: 5, shard: WHOLE, timeMs: 1, rounds: 1, runsPerRound: 3, corpus: [],
    device: claimsEnotty, node: '/dev/userfaultfd', failuresDir: dir,
  });
  t.is(r.backend, 'native');
  const d3 = r.failures.find((f) => f.property === 'D3/unknown-command-enotty');
  t.is(d3?.backend, 'native');
  t.regex(d3?.command ?? '', /^npx uapi replay specs\/userfaultfd \S+\.json --device \/dev\/userfaultfd$/);
  t.is(readFailureFile(d3?.file ?? '').failure?.backend, 'native');
});
