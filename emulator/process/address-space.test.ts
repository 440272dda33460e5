import test from 'ava';
import { E } from '../errno';
import { AddressSpace, PAGE_SIZE, userAddress } from './address-space';

const mapped = (space: AddressSpace, length: number, writable = true): number => {
  const r = space.map(length, { writable });
  if (!r.ok) throw new Error('map failed');
  return r.value;
};

test('copyIn and copyOut move bytes within a mapping', (t) => {
  const s = new AddressSpace(8);
  const a = mapped(s, 100);
  t.is(a % PAGE_SIZE, 0);
  t.true(s.copyOut(a + 10, Uint8Array.of(1, 2, 3), 0, 3));
  const back = new Uint8Array(3);
  t.true(s.copyIn(a + 10, back, 0, 3));
  t.deepEqual([...back], [1, 2, 3]);
});

test('any unmapped byte gives EFAULT and copies nothing', (t) => {
  const s = new AddressSpace(8);
  const a = mapped(s, PAGE_SIZE);
  const dst = new Uint8Array(8).fill(9);
  t.false(s.copyIn(a + PAGE_SIZE - 4, dst, 0, 8), 'range runs past the mapping');
  t.deepEqual([...dst], new Array(8).fill(9));
  t.false(s.copyIn(0, dst, 0, 1), 'NULL is never mapped');
  t.false(s.copyIn(-1, dst, 0, 1), 'an address the kernel could not form');
  t.false(s.copyOut(a + PAGE_SIZE - 2, Uint8Array.of(1, 2, 3, 4), 0, 4));
  t.deepEqual([...(s.slice(a + PAGE_SIZE - 2, 2) ?? [])], [0, 0], 'a failed copy_to_user wrote nothing');
});

test('copies may span adjacent mappings; a gap between them faults', (t) => {
  const s = new AddressSpace(8);
  const a = mapped(s, PAGE_SIZE);
  const b = s.map(PAGE_SIZE, { at: a + PAGE_SIZE });
  t.true(b.ok);
  t.true(s.copyOut(a + PAGE_SIZE - 2, Uint8Array.of(5, 6, 7, 8), 0, 4));
  const back = new Uint8Array(4);
  t.true(s.copyIn(a + PAGE_SIZE - 2, back, 0, 4));
  t.deepEqual([...back], [5, 6, 7, 8]);
  t.is(s.unmap(a + PAGE_SIZE), 0);
  t.false(s.copyIn(a + PAGE_SIZE - 2, back, 0, 4));
});

test('read-only mappings can be read but copy_to_user into them faults', (t) => {
  const s = new AddressSpace(8);
  const a = mapped(s, 64, false);
  t.true(s.copyIn(a, new Uint8Array(8), 0, 8));
  t.false(s.copyOut(a, Uint8Array.of(1), 0, 1));
});

test('fixed mappings must be page-aligned and free; unmap needs the start of a mapping', (t) => {
  const s = new AddressSpace(8);
  const a = mapped(s, PAGE_SIZE);
  t.deepEqual(s.map(10, { at: a + 1 }), { ok: false, errno: E.EINVAL });
  t.deepEqual(s.map(10, { at: a }), { ok: false, errno: E.EEXIST });
  t.deepEqual(s.map(0), { ok: false, errno: E.EINVAL });
  t.is(s.unmap(a + 8), E.EINVAL);
  t.is(s.unmap(a), 0);
  t.false(s.accessible(a, 1, false));
});

test('a 32-bit process has a 4 GiB address space', (t) => {
  const s = new AddressSpace(4);
  t.is(s.limit, 2 ** 32);
  const a = mapped(s, PAGE_SIZE);
  t.true(a + PAGE_SIZE <= 2 ** 32);
  t.false(s.map(PAGE_SIZE, { at: 2 ** 32 }).ok);
});

test('userAddress turns a __u64 into an address, or -1 beyond what can be mapped', (t) => {
  t.is(userAddress(0x1000n), 0x1000);
  t.is(userAddress(2n ** 63n), -1);
  t.is(userAddress(-5), -1);
});
