import test from 'ava';
import { listReleases, type Release } from '../contract/release/releases';
import { findAbi, type Abi } from '../core/layout/abi';
import type { Member, Spec } from '../core/model/model';
import { REFERENCE_SNAPSHOTS } from '../testing/reference-releases';
import { spec as current } from '../../specs/habanalabs/spec';
import { binaryStep } from './binary-step';

// Three runs of the 1.0.0 C suite (one program start each, about 40 device calls), the compiled
// suite and interposer reused from the harness cache.
const x86_64 = findAbi('x86_64') as Abi;
const release = listReleases(REFERENCE_SNAPSHOTS, current.name).releases.find((r) => r.version === '1.0.0') as Release;

const step = (spec: Spec): ReturnType<typeof binaryStep> => binaryStep(spec, 'specs/habanalabs', release, x86_64, REFERENCE_SNAPSHOTS);

test('the 1.0.0 binary, compiled against its own header, gets its golden results on the current core, bad pointers included', (t) => {
  const s = step(current);
  t.is(s.name, 'binary 1.0.0 on the 1.4.0 core (x86_64)');
  t.is(s.verdict, 'pass', s.summary);
  t.regex(s.summary, /^\d+ calls answered as recorded/);
  t.true((s.detail?.['calls'] as number) >= 30);
});

test('a renumbered ioctl in the working spec fails the step, naming the subtest, the call and both results', (t) => {
  const renumbered: Spec = { ...current, ioctls: current.ioctls.map((i) => (i.name === 'DRM_IOCTL_HL_CB' ? { ...i, nr: 0x4f } : i)) };
  const s = step(renumbered);
  t.is(s.verdict, 'fail');
  t.is(s.summary, 'subtest cb, call CB(CREATE, 4096) (call 10): recorded ok handle_nonzero=yes; now ENOTTY');
  t.is(s.items[0]?.rule, 'BINARY_DIVERGED');
});

test('a field moved in the working spec (hl_info_args.op and return_size swapped) fails at the first INFO call', (t) => {
  const swap = (ms: readonly Member[]): Member[] => {
    const out = [...ms];
    const a = out.findIndex((m) => m.name === 'return_size');
    const b = out.findIndex((m) => m.name === 'op');
    [out[a], out[b]] = [out[b] as Member, out[a] as Member];
    return out;
  };
  const moved: Spec = { ...current, records: current.records.map((r) => (r.name === 'hl_info_args' ? { ...r, members: swap(r.members) } : r)) };
  const s = step(moved);
  t.is(s.verdict, 'fail');
  t.regex(s.summary, /^subtest info, call INFO\(HW_IP_INFO\) \(call 3\): recorded ok device_id=\d+ .*; now E[A-Z]+$/);
});
