import test from 'ava';
import { anonymous, array, defineSpec, flags, ioctl, struct, u32, u64, u8, union, values } from './dsl';
import type { Spec } from './model';
import { validateSpec } from './validate';

const codes = (spec: Spec): string[] => validateSpec(spec).map((i) => `${i.code} ${i.path}`);

test('a well-formed spec has no issues', (t) => {
  const args = struct('args', {
    ptr: u64.userPointer({ lengthField: 'len', dir: 'out' }),
    len: u32,
    op: u32.oneOf('ops'),
    flags: u32.flags('fl'),
    pad: u32.pad(),
  });
  const spec = defineSpec({
    name: 'ok', version: '1.2.3',
    ioctls: [ioctl('OK_IOCTL', { dir: 'rw', type: 'd', nr: 0x40, arg: args, sizeExtensible: true, tail: 'ignore', errno: { nonzeroPad: 'EINVAL' } })],
    constants: [values('ops', { OP_A: 0 }), flags('fl', { FL_A: 1 })],
  });
  t.deepEqual(validateSpec(spec), []);
});

test('every problem is collected with its path, not only the first', (t) => {
  const bad = struct('bad', {
    a: u32.flags('nope'),
    b: u32.userPointer({ lengthField: 'missing' }),
    c: array(u8, 0),
    d: u8,
  });
  const spec = defineSpec({
    name: 'bad', version: 'one',
    ioctls: [ioctl('BAD', { dir: 'none', type: 'd', nr: 300, arg: bad, errno: { nonzeroPad: 'einval' } })],
  });
  t.deepEqual(codes(spec).sort(), [
    'SPEC_ANNOTATION_TYPE struct bad.b',
    'SPEC_ERRNO ioctl BAD.errno.nonzeroPad',
    'SPEC_IOCTL_ARG ioctl BAD',
    'SPEC_IOCTL_NR ioctl BAD',
    'SPEC_UNKNOWN_FIELD struct bad.b',
    'SPEC_UNKNOWN_GROUP struct bad.a',
    'SPEC_VERSION spec',
  ]);
});

test('what GNU C lays out is valid: empty records, flexible arrays in unions, zero-length arrays between members', (t) => {
  // __DECLARE_FLEX_ARRAY(__u32, words) as <linux/stddef.h> spells it, in a union.
  const payload = union('payload', {
    _bytes: anonymous(struct({ __empty_bytes: struct({}), bytes: array(u8, 0) })),
    _words: anonymous(struct({ __empty_words: struct({}), words: array(u32, 0) })),
  });
  const mixed = struct('mixed', { head: u32, gap: array(u64, 0), tail: u32, data: payload });
  const spec = defineSpec({ name: 'gnu', version: '1.0.0', types: [mixed, struct('nothing', {}), union('none', {})] });
  t.deepEqual(codes(spec), []);
});

test('issues carry the spec file location of the DSL call', (t) => {
  const spec = defineSpec({ name: 'loc', version: '1.0.0', types: [struct('s', { a: u32.flags('missing') })] });
  const [first] = validateSpec(spec);
  t.truthy(first?.loc);
  t.regex(first?.loc?.file ?? '', /validate\.test\.(ts|js)$/);
  t.true((first?.loc?.line ?? 0) > 0);
});

test('duplicates, clashing anonymous member names and unknown references are reported', (t) => {
  const spec: Spec = {
    name: 'dup', version: '1.0.0', enums: [], groups: [], ioctls: [],
    constants: [{ kind: 'constant', name: 'X', value: 1n }, { kind: 'constant', name: 'X', value: 2n }],
    records: [
      defineSpec({ name: 'x', version: '1.0.0', types: [struct('r', { a: u32, _u: anonymous(union({ a: u32 })) })] }).records[0]!,
      { kind: 'struct', name: 'q', members: [{ name: 'z', type: { kind: 'ref', tag: 'struct', name: 'missing' } }] },
    ],
  };
  t.deepEqual(codes(spec).sort(), ['SPEC_DUPLICATE constant X', 'SPEC_DUPLICATE struct r.a', 'SPEC_UNKNOWN_TYPE struct q.z']);
});

test('a struct that contains itself by value is reported', (t) => {
  const spec: Spec = {
    name: 'rec', version: '1.0.0', enums: [], groups: [], ioctls: [], constants: [],
    records: [
      { kind: 'struct', name: 'a', members: [{ name: 'b', type: { kind: 'ref', tag: 'struct', name: 'b' } }] },
      { kind: 'struct', name: 'b', members: [{ name: 'a', type: { kind: 'array', length: 2, element: { kind: 'ref', tag: 'struct', name: 'a' } } }] },
    ],
  };
  t.true(codes(spec).some((c) => c.startsWith('SPEC_RECURSIVE')));
});
