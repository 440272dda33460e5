import test from 'ava';
import { array, defineSpec, ioctl, struct, u32, u64 } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const flexible = struct('with_flex', { count: u32, pad: u32.pad(), items: array(u64, 0) });

test('S11 flags flexible arrays in DRM ioctl arguments, also in structs they hold', (t) => {
  const holder = struct('holder', { n: u32, pad: u32.pad(), inner: flexible });
  const spec = defineSpec({ name: 's11', version: '1.0.0', ioctls: [ioctl('DRM_HOLDER', { dir: 'w', type: 'd', nr: 0x40, arg: holder })] });
  const found = findingsOf('S11', spec);
  t.deepEqual(subjects(found), ['error struct with_flex.items']);
  t.regex(found[0]?.message ?? '', /^flexible array member in a DRM ioctl argument: drm_ioctl\(\) copies exactly _IOC_SIZE bytes/);
});

test('S11 accepts user pointers, and flexible arrays outside DRM arguments', (t) => {
  const viaPointer = struct('via_pointer', { items: u64.userPointer({ lengthField: 'count', lengthUnit: 'elements', elementType: 'with_flex' }), count: u32, pad: u32.pad() });
  const spec = defineSpec({
    name: 's11', version: '1.0.0', types: [flexible],
    ioctls: [ioctl('DRM_POINTER', { dir: 'w', type: 'd', nr: 0x40, arg: viaPointer }), ioctl('OTHER_FLEX', { dir: 'w', type: 'x', nr: 1, arg: flexible })],
  });
  t.deepEqual(findingsOf('S11', spec), []);
});
