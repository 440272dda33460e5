import test from 'ava';
import { findAbi, type Abi } from '../../../core/layout/abi';
import type { ConstantDecl, IoctlDecl, Spec } from '../../../core/model/model';
import { spec } from '../../../../specs/habanalabs/spec';
import { faultSites, type FaultKind } from '../args/faults';
import { undefinedBits } from '../args/scalar-arbitrary';
import { flagFault, type FaultCase } from '../properties/single-fault';
import type { SuiteContext } from '../properties/suite-property';
import { Violation } from '../rules';
import { runProperty } from '../run/run-property';
import { specFacts } from './spec-facts';

const x86 = findAbi('x86_64') as Abi;
const paths = (s: Spec, kind: FaultKind): string[] => {
  const f = specFacts(s, x86);
  return f.ioctls.flatMap((i) => faultSites(f, i, kind).map((x) => x.path));
};
const ctxOf = (client: Spec): SuiteContext => ({ spec: client, deviceSpec: spec, abi: x86, mirror: undefined, mutations: [], counter: { ioctls: 0 } });
const withoutConstant = (s: Spec, name: string): Spec => ({ ...s, constants: s.constants.filter((c: ConstantDecl) => c.name !== name) });
const withErrno = (s: Spec, ioctl: string, errno: IoctlDecl['errno']): Spec => ({ ...s, ioctls: s.ioctls.map((i) => (i.name === ioctl ? { ...i, errno: { ...i.errno, ...errno } } : i)) });

test('fault sites come from the annotations: fields outside unions only', (t) => {
  t.deepEqual(paths(spec, 'pad'), ['hl_info_args.pad', 'hl_cs_in.pad[0]', 'hl_cs_in.pad[1]', 'hl_cs_in.pad[2]', 'hl_cs_in.pad[3]']);
  t.deepEqual(paths(spec, 'flag'), ['hl_cb_in.flags', 'hl_cs_in.cs_flags', 'hl_wait_cs_in.flags', 'hl_mem_in.flags']);
  t.deepEqual(paths(spec, 'value'), ['hl_info_args.op', 'hl_cb_in.op', 'hl_mem_in.op', 'hl_debug_args.op']);
  t.deepEqual(paths(spec, 'handle'), ['hl_cb_in.cb_handle', 'hl_wait_cs_in.timestamp_handle']);
  t.deepEqual(paths(spec, 'pointer'), ['hl_info_args.return_pointer', 'hl_debug_args.input_ptr', 'hl_debug_args.output_ptr']);
  // The multi-CS arm's pad is inside a union: whether it is read depends on the flags.
  t.false(paths(spec, 'pad').some((p) => p.startsWith('hl_wait_cs_in')));
});

test('a spec change changes the tests: a flag removed from its group becomes a fault the old device is caught accepting', (t) => {
  const client = withoutConstant(spec, 'HL_CB_FLAGS_GET_DEVICE_VA');
  const bits = (s: Spec): number[] => undefinedBits(4, specFacts(s, x86).group('hl_cb_flags')?.mask ?? 0n);
  t.false(bits(spec).includes(1));
  t.true(bits(client).includes(1));
  const c: FaultCase = {
    ioctl: 'DRM_IOCTL_HL_CB',
    arg: { record: 'hl_cb_in', values: { 'hl_cb_in.op': { t: 'v', v: 0n }, 'hl_cb_in.cb_size': { t: 'v', v: 64n }, 'hl_cb_in.flags': { t: 'v', v: 0n } } },
    fault: { kind: 'flag', path: 'hl_cb_in.flags', bit: 1 },
  };
  // The device still implements the flag: a client of the edited spec expects its bit rejected.
  const e = t.throws(() => flagFault.check(ctxOf(client), c));
  t.true(e instanceof Violation && e.rule === 'D2/unknown-flag-bits-rejected', e?.message);
});

test('a spec change changes the tests: the expected errno is the spec\'s', (t) => {
  const client = withErrno(spec, 'DRM_IOCTL_HL_CB', { unknownFlags: 'EPERM' });
  const r = runProperty(flagFault, ctxOf(client), { seed: 3, numRuns: 200 });
  t.is(r.verdict, 'fail');
  t.regex(r.message ?? '', /DRM_IOCTL_HL_CB .* expected EPERM/);
  t.is(runProperty(flagFault, ctxOf(spec), { seed: 3, numRuns: 200 }).verdict, 'pass');
});

test('declared errnos: the spec\'s table, plus the conventional errno of each failure class the argument can hit', (t) => {
  const f = specFacts(spec, x86);
  const info = f.ioctl('DRM_IOCTL_HL_INFO');
  t.deepEqual([...(info?.declared ?? [])].sort((a, b) => a - b), [0, 12, 14, 16, 22, 95]);
  t.is(f.ioctl('DRM_IOCTL_HL_CS')?.errnoOf('privileged'), 1);
  // WAIT_CS declares no longerTail: its tail policy ignores the bytes, so E2BIG is not among its errnos.
  t.false(f.ioctl('DRM_IOCTL_HL_WAIT_CS')?.declared.has(7));
});
