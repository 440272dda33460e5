import test from 'ava';
import { defineSpec, ioctl, struct, u32 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const a = struct('s12_a', { x: u32, y: u32 });
const b = struct('s12_b', { x: u32, y: u32, z: u32, w: u32 });

test('S12: a shared type and nr is an error, a FOO2 / FOO_V2 / FOO_EXT beside FOO a warning', (t) => {
  const spec = defineSpec({
    name: 's12', version: '1.0.0', ioctls: [
      ioctl('FOO', { dir: 'rw', type: 'x', nr: 1, arg: a }),
      ioctl('FOO_BIGGER', { dir: 'rw', type: 'x', nr: 1, arg: b }),
      ioctl('FOO2', { dir: 'rw', type: 'x', nr: 2, arg: b }),
      ioctl('FOO_V3', { dir: 'rw', type: 'x', nr: 3, arg: b }),
      ioctl('FOO_EXT', { dir: 'rw', type: 'x', nr: 4, arg: b }),
    ],
  });
  const found = findingsOf('S12', spec);
  t.deepEqual(subjects(found), ['error ioctl FOO_BIGGER', 'warning ioctl FOO2', 'warning ioctl FOO_V3', 'warning ioctl FOO_EXT']);
  t.is(found[0]?.message, 'shares type \'x\' nr 0x1 with FOO: drivers dispatch on the nr, so the two cannot be told apart (a changed struct must keep its command or get a new nr)');
  t.regex(found[1]?.message ?? '', /^looks like a second version of FOO: every version stays in the uAPI forever; extend FOO instead/);
});

test('S12 accepts distinct commands, and numbered names without a base command', (t) => {
  const spec = defineSpec({
    name: 's12', version: '1.0.0', ioctls: [
      ioctl('FOO', { dir: 'rw', type: 'x', nr: 1, arg: a }),
      ioctl('BAR2', { dir: 'rw', type: 'x', nr: 2, arg: a }),
      ioctl('FOO_OTHER_TYPE', { dir: 'rw', type: 'y', nr: 1, arg: a }),
    ],
  });
  t.deepEqual(findingsOf('S12', spec), []);
});
