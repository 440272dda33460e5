import test from 'ava';
import { anonymous, array, defineSpec, struct, u32, u64, u8, union } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

test('S14 flags structs and unions without members, named or inline', (t) => {
  const spec = defineSpec({
    name: 's14', version: '1.0.0',
    types: [struct('nothing', {}), struct('holder', { a: u32, marker: struct({}), views: union({}) })],
  });
  const found = findingsOf('S14', spec);
  t.deepEqual(subjects(found), ['warning struct nothing', 'warning struct holder.marker', 'warning struct holder.views']);
  t.regex(found[0]?.message ?? '', /^struct has no members: GNU C gives .* size 0 and C\+\+ gives it size 1/);
});

test('S14 accepts the empty struct of __DECLARE_FLEX_ARRAY(), and only that shape', (t) => {
  const declared = union('payload', {
    _bytes: anonymous(struct({ __empty_bytes: struct({}), bytes: array(u8, 0) })),
    _quads: anonymous(struct({ __empty_quads: struct({}), quads: array(u64, 0) })),
  });
  // The same shape with another name, or with a fixed array, is an empty struct like any other.
  const lookalike = union('lookalike', {
    _a: anonymous(struct({ __empty_other: struct({}), bytes: array(u8, 0) })),
    _b: anonymous(struct({ __empty_fixed: struct({}), fixed: array(u8, 4) })),
  });
  const spec = defineSpec({ name: 's14', version: '1.0.0', types: [declared, lookalike] });
  t.deepEqual(subjects(findingsOf('S14', spec)), ['warning union lookalike.__empty_other', 'warning union lookalike.__empty_fixed']);
});
