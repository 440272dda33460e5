import test from 'ava';
import { defineSpec, ioctl, struct, u32 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const arg = struct('s10_arg', { a: u32, b: u32 });

test('S10 holds a DRM uAPI to type \'d\' and the driver nr range', (t) => {
  const spec = defineSpec({
    name: 's10', version: '1.0.0', ioctls: [
      ioctl('DRM_OK', { dir: 'rw', type: 'd', nr: 0x40, arg }),
      ioctl('DRM_CORE_NR', { dir: 'rw', type: 'd', nr: 0x20, arg }),
      ioctl('DRM_PAST_END', { dir: 'rw', type: 'd', nr: 0xa0, arg }),
      ioctl('NOT_DRM', { dir: 'rw', type: 'x', nr: 0x41, arg }),
    ],
  });
  const found = findingsOf('S10', spec);
  t.deepEqual(subjects(found), ['error ioctl DRM_CORE_NR', 'error ioctl DRM_PAST_END', 'error ioctl NOT_DRM']);
  t.is(found[0]?.message, 'nr 0x20 is outside the driver range 0x40..0x9f (DRM_COMMAND_BASE + index): the DRM core\'s own ioctls use the numbers outside it');
  t.regex(found[2]?.message ?? '', /^type 'x' in a DRM\/accel uAPI/);
});

test('S10 accepts the range ends and leaves non-DRM uAPIs alone', (t) => {
  const drm = defineSpec({ name: 's10', version: '1.0.0', ioctls: [ioctl('FIRST', { dir: 'rw', type: 'd', nr: 0x40, arg }), ioctl('LAST', { dir: 'rw', type: 'd', nr: 0x9f, arg })] });
  t.deepEqual(findingsOf('S10', drm), []);
  const other = defineSpec({ name: 's10', version: '1.0.0', ioctls: [ioctl('LOW', { dir: 'rw', type: 'x', nr: 0x01, arg })] });
  t.deepEqual(findingsOf('S10', other), []);
});
