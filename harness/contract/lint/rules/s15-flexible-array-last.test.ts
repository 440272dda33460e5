import test from 'ava';
import { anonymous, array, defineSpec, struct, u32, u64, u8, union } from '../../../core/model/dsl';
import { findingsOf, subjects } from '../../../testing/run-lint-rule';

const tail = struct('with_tail', { count: u32, items: array(u32, 0) });

test('S15 accepts a flexible array that ends the outermost struct, also through unions and nested last members', (t) => {
  const viaUnion = struct('via_union', {
    len: u32,
    _data: anonymous(union({
      _bytes: anonymous(struct({ __empty_bytes: struct({}), bytes: array(u8, 0) })),
      words: array(u32, 0),
    })),
  });
  const viaNested = struct('via_nested', { hdr: u64, body: tail });
  const spec = defineSpec({ name: 's15', version: '1.0.0', types: [tail, viaUnion, viaNested, union('views', { raw: array(u8, 0), n: u32 })] });
  t.deepEqual(findingsOf('S15', spec), []);
});

test('S15 flags a zero-length array between members, and one reached through a member that is not last', (t) => {
  const middle = struct('middle', { head: u32, gap: array(u64, 0), after: u32 });
  const inner = struct('inner_union', {
    _u: anonymous(union({ raw: array(u8, 0), word: u32 })),
    trailer: u32,
  });
  const holds = struct('holds', { first: tail, second: u32, many: array(tail, 2) });
  const spec = defineSpec({ name: 's15', version: '1.0.0', types: [middle, inner, tail, holds] });
  const found = findingsOf('S15', spec);
  t.deepEqual(subjects(found), [
    'warning struct middle.gap',
    'warning struct inner_union.raw',
    'warning struct holds.first',
    'warning struct holds.many',
  ]);
  t.regex(found[0]?.message ?? '', /not at the end of struct middle: GNU C gives it size 0, so its elements are the bytes of the members after it/);
  t.regex(found[3]?.message ?? '', /holds struct with_tail in an array, which ends in a flexible array/);
});
