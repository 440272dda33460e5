import test from 'ava';
import fc from 'fast-check';
import { checkProperty } from '../../testing/property';
import { fromCompactHex, toCompactHex } from './compact-hex';

// Bytes with long repeated stretches, as traces hold them (NOP streams, fills, zeroes), and without.
const chunk = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 300 }))
    .map(([unit, n]) => new Uint8Array(Array.from({ length: n }, () => [...unit]).flat())),
);
const bytes = fc.array(chunk, { maxLength: 6 }).map((parts) => new Uint8Array(parts.flatMap((p) => [...p])));

test('property: the compact text decodes to the bytes it encodes', (t) => {
  checkProperty(fc.property(bytes, (b) => {
    const r = fromCompactHex(toCompactHex(b));
    return r.bytes !== undefined && Buffer.from(r.bytes).equals(Buffer.from(b));
  }), { numRuns: 500 });
  t.pass();
});

test('property: the compact text is never longer than plain hex plus one separator per 16 bytes', (t) => {
  checkProperty(fc.property(bytes, (b) => toCompactHex(b).length <= b.length * 2 + Math.ceil(b.length / 16) + 1), { numRuns: 500 });
  t.pass();
});

test('repeated patterns are written once with their count', (t) => {
  t.is(toCompactHex(new Uint8Array(4096)), '00*4096');
  const nops = new Uint8Array(64);
  for (let i = 0; i < 64; i += 8) nops.set([0, 0, 0, 0, 0, 0, 0x80, 0x40], i);
  t.is(toCompactHex(nops), '0000000000008040*8');
  t.is(toCompactHex(new Uint8Array([1, 2, 3, ...new Uint8Array(20).fill(0xa5)])), '010203 a5*20');
  t.is(toCompactHex(new Uint8Array([])), '');
});

test('plain hex is a compact text; malformed segments are errors', (t) => {
  t.deepEqual([...(fromCompactHex('0a0b').bytes ?? [])], [10, 11]);
  t.regex(fromCompactHex('0g').error ?? '', /not hex/);
  t.regex(fromCompactHex('00*0').error ?? '', /repeat count/);
  t.regex(fromCompactHex('00*x').error ?? '', /repeat count/);
});
