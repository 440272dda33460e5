import test from 'ava';
import { spec as current } from '../../../../specs/habanalabs/spec';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { referenceRelease } from '../../../testing/reference-releases';
import { Violation } from '../rules';
import { unconditionalOutputPads } from '../spec-facts/ioctl-facts';
import { System } from './system';

const x86 = findAbi('x86_64') as Abi;

/** A WAIT_CS answer as the 1.0.0 header reads it: status, then the `pad` word (`flags` since 5.4). */
function waitAnswer(second: number): Uint8Array {
  const b = new Uint8Array(24);
  const v = new DataView(b.buffer);
  v.setUint32(0, 0, true);
  v.setUint32(4, second, true);
  return b;
}

function system(client: typeof current): System {
  const { system: s, issues } = System.create({ spec: client, deviceSpec: current, abi: x86 });
  if (s === undefined) throw new Error(issues.map((i) => i.message).join('; '));
  return s;
}

test('a pad the device gave a meaning is not a leak for an older client; a pad of both specs still is', (t) => {
  const old = system(referenceRelease('1.0.0'));
  const wait = old.facts.ioctl('DRM_IOCTL_HL_WAIT_CS');
  if (wait === undefined) return t.fail('1.0.0 has no WAIT_CS');
  t.true(wait.output?.sites.some((s) => s.path.endsWith('pad') && s.kind === 'zero'), '1.0.0 calls the word pad');
  t.notThrows(() => old.checkOutputPads(wait, waitAnswer(1)), 'hl_wait_cs_out.flags in the 1.4.0 driver');
  const same = system(current);
  const withPad = same.facts.ioctls.find((f) => unconditionalOutputPads(f.output).length > 0);
  const pad = unconditionalOutputPads(withPad?.output)[0];
  if (withPad === undefined || pad === undefined) return t.fail('no answer of the current spec has a pad');
  const bytes = new Uint8Array(withPad.size);
  bytes[pad.offset] = 1;
  const e = t.throws(() => same.checkOutputPads(withPad, bytes));
  t.true(e instanceof Violation);
  t.regex(e?.message ?? '', new RegExp(pad.path.replace(/[.[\]]/g, '\\$&')));
  return undefined;
});
