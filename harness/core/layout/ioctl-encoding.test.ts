import * as assert from 'node:assert/strict';
import test from 'ava';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import type { IoctlDir } from '../model/model';
import { decodeRequest, encodeRequest, IOCTL_ENCODINGS, maxIoctlSize } from './ioctl-encoding';
import type { IoctlFamily } from './abi';

test("_IOR('d', 0x40, 16 bytes) differs per arch family", (t) => {
  t.is(encodeRequest('generic', 'r', 0x64, 0x40, 16), 0x80106440);
  t.is(encodeRequest('powerpc', 'r', 0x64, 0x40, 16), 0x40106440);
  t.is(encodeRequest('mips', 'r', 0x64, 0x40, 16), 0x40106440);
  t.is(encodeRequest('parisc', 'r', 0x64, 0x40, 16), 0x40106440);
});

test('the real habanalabs requests (6.12 x86_64 and 6.1 legacy numbering)', (t) => {
  t.is(encodeRequest('generic', 'rw', 0x64, 0x40, 24), 0xc0186440);
  t.is(encodeRequest('generic', 'rw', 0x64, 0x43, 56), 0xc0386443);
  t.is(encodeRequest('generic', 'rw', 0x48, 0x01, 24), 0xc0184801);
  t.is(encodeRequest('powerpc', 'rw', 0x64, 0x40, 24), 0xc0186440);
  t.is(encodeRequest('powerpc', 'none', 0x64, 0x40, 0), 0x20006440);
  t.is(encodeRequest('generic', 'w', 0x64, 0x41, 8), 0x40086441);
  t.is(encodeRequest('parisc', 'w', 0x64, 0x41, 8), 0x80086441);
});

test('size limits: 14 bits generic, 13 bits on powerpc/mips', (t) => {
  t.is(maxIoctlSize('generic'), 16383);
  t.is(maxIoctlSize('powerpc'), 8191);
  t.is(maxIoctlSize('mips'), 8191);
});

const families: IoctlFamily[] = ['generic', 'powerpc', 'mips', 'sparc', 'parisc'];
const dirs: IoctlDir[] = ['none', 'w', 'r', 'rw'];
test('decodeRequest inverts encodeRequest for every in-range field, on every family', (t) => {
  const fields = [fc.constantFrom(...families), fc.constantFrom(...dirs), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 8191 })] as const;
  t.notThrows(() => checkProperty(fc.property(...fields, (family, dir, type, nr, size) => {
    const req = encodeRequest(family, dir, type, nr, size);
    assert.ok(req >= 0 && req <= 0xffffffff);
    assert.deepEqual(decodeRequest(family, req), { dir, type, nr, size });
  }), { seed: 20261125, numRuns: 500 }));
});

test('encodings are internally consistent', (t) => {
  for (const f of families) {
    const e = IOCTL_ENCODINGS[f];
    t.is(e.nrBits + e.typeBits + e.sizeBits + e.dirBits, 32, f);
    t.is(e.read & e.write, 0, f);
  }
});
