import test from 'ava';
import * as fc from 'fast-check';
import { DEFAULT_ABI_NAMES, findAbi, type Abi } from '../layout/abi';
import { validateSpec } from '../model/validate';
import { valueArbitrary } from './arbitrary';
import { codecFor } from './codec-for';
import { formatCodecError } from './codec-error';
import { agrees, coverageMask, randomSpecArbitrary } from '../../testing/random-record';

const ABIS: readonly Abi[] = DEFAULT_ABI_NAMES.map((n) => findAbi(n) as Abi);
const SEED = 0x5eed;

// Each run draws a random type and checks it on all eight ABIs.
const specAndValue = randomSpecArbitrary().chain((spec) => {
  const c = codecFor(spec, ABIS[0] as Abi, 'root');
  if (c === undefined) throw new Error('random spec without root');
  return fc.tuple(fc.constant(spec), valueArbitrary(c.plan));
});

test('random specs are valid (the generator makes what the properties assume)', (t) => {
  fc.assert(fc.property(randomSpecArbitrary(), (spec) => validateSpec(spec).length === 0), { seed: SEED, numRuns: 50 });
  t.pass();
});

test('property: decode(encode(v)) agrees with v on every field it sets, and re-encoding gives the same bytes (all 8 ABIs)', (t) => {
  fc.assert(fc.property(specAndValue, ([spec, value]) => {
    for (const abi of ABIS) {
      const c = codecFor(spec, abi, 'root');
      if (c === undefined) return false;
      const bytes = c.encode(value as never);
      if (!bytes.ok) throw new Error(`${abi.name}: ${formatCodecError(bytes.error)}`);
      const back = c.decode(bytes.value);
      if (!back.ok || !agrees(value, back.value)) return false;
      const again = c.encode(back.value as never);
      if (!again.ok || Buffer.compare(again.value, bytes.value) !== 0) return false;
    }
    return true;
  }), { seed: SEED, numRuns: 120 });
  t.pass();
});

test('property: encode writes only inside [offset, offset+size) and leaves every padding bit zero (all 8 ABIs)', (t) => {
  fc.assert(fc.property(specAndValue, fc.integer({ min: 0, max: 16 }), ([spec, value], offset) => {
    for (const abi of ABIS) {
      const c = codecFor(spec, abi, 'root');
      if (c === undefined) return false;
      const buf = new Uint8Array(offset + c.size + 16).fill(0xa5);
      if (c.write(new DataView(buf.buffer), offset, value as never) !== undefined) return false;
      for (let i = 0; i < buf.length; i++) {
        if ((i < offset || i >= offset + c.size) && buf[i] !== 0xa5) return false;
      }
      const mask = coverageMask(c.plan);
      for (let i = 0; i < c.size; i++) if (((buf[offset + i] as number) & ~(mask[i] as number) & 0xff) !== 0) return false;
    }
    return true;
  }), { seed: SEED, numRuns: 120 });
  t.pass();
});

test('property: encode(decode(bytes)) gives back every bit a field covers and zero elsewhere (all 8 ABIs)', (t) => {
  const specAndBytes = randomSpecArbitrary().chain((spec) =>
    fc.tuple(fc.constant(spec), fc.uint8Array({ minLength: 4096, maxLength: 4096 })));
  fc.assert(fc.property(specAndBytes, ([spec, noise]) => {
    for (const abi of ABIS) {
      const c = codecFor(spec, abi, 'root');
      if (c === undefined) return false;
      const bytes = noise.subarray(0, c.size);
      const value = c.decode(bytes);
      if (!value.ok) return false;
      const again = c.encode(value.value as never);
      if (!again.ok) throw new Error(`${abi.name}: ${formatCodecError(again.error)}`);
      const mask = coverageMask(c.plan);
      for (let i = 0; i < c.size; i++) if (again.value[i] !== ((bytes[i] as number) & (mask[i] as number))) return false;
    }
    return true;
  }), { seed: SEED, numRuns: 120 });
  t.pass();
});
