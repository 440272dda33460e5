import test from 'ava';
import { ABIS, DEFAULT_ABI_NAMES } from '../../core/layout/abi';
import { anonymous, array, defineSpec, ioctl, struct, u16, u32, u64, u8, union, type Shape } from '../../core/model/dsl';
import { diffSpecs } from './diff-specs';

const abis = ABIS.filter((a) => DEFAULT_ABI_NAMES.includes(a.name));

/** `__DECLARE_FLEX_ARRAY(T, name)` as <linux/stddef.h> expands it for C. */
const declareFlex = (name: string, element: typeof u8 | typeof u16 | typeof u32 | typeof u64): Shape => ({ [`__empty_${name}`]: struct({}), [name]: array(element, 0) });

const header = (shape: Shape) => defineSpec({ name: 'h', version: '0.0.0', ioctls: [ioctl('X_IOCTL', { dir: 'w', type: 'X', nr: 1, arg: struct('desc', shape) })] });
const diff = (a: Shape, b: Shape) => diffSpecs({ spec: header(a), label: 'old.h', headerMode: true }, { spec: header(b), label: 'new.h', headerMode: true }, { abis });
const rules = (r: ReturnType<typeof diff>): string[] => [...new Set(r.changes.map((c) => `${c.rule} ${c.subject}`))].sort();

test('a one-element array turned flexible beside legacy padding keeps its bytes: compatible (usb_string_descriptor, 6.1 -> 6.12)', (t) => {
  const r = diff(
    { bLength: u8, bDescriptorType: u8, wData: array(u16, 1) },
    { bLength: u8, bDescriptorType: u8, _u: anonymous(union({ legacy_padding: u16, _flex: anonymous(struct(declareFlex('wData', u16))) })) },
  );
  t.deepEqual(rules(r), ['ARRAY_MADE_FLEXIBLE struct desc.wData', 'UNION_MEMBER_ADDED struct desc.legacy_padding']);
  t.is(r.verdict, 'compatible');
  t.regex(r.changes.find((c) => c.rule === 'ARRAY_MADE_FLEXIBLE')?.message ?? '', /wData changed from __u16\[1\] to the flexible array __u16\[\] at offset 2: its elements keep their bytes/);
});

test('a one-element array turned flexible that shrinks the struct is still a size change', (t) => {
  const r = diff({ n: u32, data: array(u32, 1) }, { n: u32, data: array(u32, 0) });
  t.deepEqual(rules(r), ['ARRAY_MADE_FLEXIBLE struct desc.data', 'IOCTL_SIZE_CHANGED ioctl X_IOCTL', 'STRUCT_SIZE_CHANGED struct desc']);
  t.is(r.verdict, 'breaking');
});

test('a zero-length array in a union rewritten with __DECLARE_FLEX_ARRAY is the same layout (io_uring_sqe.cmd)', (t) => {
  const r = diff(
    { opcode: u8, pad: array(u8, 7), _u: anonymous(union({ addr3: u64, cmd: array(u8, 0) })) },
    { opcode: u8, pad: array(u8, 7), _u: anonymous(union({ addr3: u64, _flex: anonymous(struct(declareFlex('cmd', u8))) })) },
  );
  t.deepEqual(r.changes, []);
  t.is(r.verdict, 'identical');
});

test('a flexible array whose element type changes is still a retyped field', (t) => {
  const r = diff({ n: u32, data: array(u32, 1) }, { n: u32, data: array(u16, 0) });
  t.true(r.changes.some((c) => c.rule === 'FIELD_RETYPED' && c.subject === 'struct desc.data'));
  t.false(r.changes.some((c) => c.rule === 'ARRAY_MADE_FLEXIBLE'));
});
