import * as fc from 'fast-check';
import { errnoName } from '../../../../emulator/errno';
import { ensure } from '../rules';
import { deviceIoctl } from '../spec-facts/device-view';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import { specFacts } from '../spec-facts/spec-facts';
import type { PlacedBuffer } from '../args/materialize';
import type { Stage } from '../../devices/device-under-test';
import { argCaseArb, stageFor, stageProblem, inputIoctls, ioctlOf, materializeCase, type ArgCase } from './arg-case';
import type { SuiteContext, SuiteProperty } from './suite-property';
import { argCaseSchema } from '../data/arg-case-schema';
import { int } from '../data/data-schema';
import { MAX_IOCTL_SIZE } from '../data/limits';
import { unknownCommandErrno } from './unknown-command';

/** A conforming call made with another `_IOC_SIZE`: an older (shorter) or newer (longer) caller's struct. */
export interface SizedCase extends ArgCase {
  /** The caller's size. */
  readonly size: number;
  /** For a longer caller: the extra bytes' value (0 for a zero tail). */
  readonly tailByte: number;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * The size of the driver's struct for the client's ioctl: the client's own, or for an older client
 * the newer driver's when it grew since (WAIT_CS 24 -> 56). Bytes between the two are fields the
 * client does not know: zero, as an older caller leaves them by not having them.
 */
function driverSize(ctx: SuiteContext, ioctl: IoctlFacts): number {
  const device = deviceIoctl(specFacts(ctx.deviceSpec, ctx.abi), ioctl);
  return Math.max(ioctl.size, device?.size ?? 0);
}

function sizedArb(ctx: SuiteContext, longer: boolean): fc.Arbitrary<SizedCase> {
  const eligible = inputIoctls(ctx).filter((i) => i.size > (longer ? 0 : 1));
  return argCaseArb(ctx, eligible).chain((c) => {
    const ioctl = specFacts(ctx.spec, ctx.abi).ioctl(c.ioctl);
    const full = ioctl?.size ?? 8;
    const driver = ioctl !== undefined ? driverSize(ctx, ioctl) : full;
    const size = longer
      ? fc.oneof(fc.constantFrom(8, 16, 64), fc.integer({ min: 1, max: 256 })).map((n) => driver + n)
      : full > 8
        // Older structs end on a field boundary, often a multiple of 8; any shorter size must work too.
        ? fc.oneof(fc.integer({ min: 1, max: Math.floor((full - 1) / 8) }).map((n) => n * 8), fc.integer({ min: 1, max: full - 1 }))
        : fc.integer({ min: 1, max: full - 1 });
    return fc.tuple(size, longer ? fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 255 })) : fc.constant(0))
      .map(([s, tailByte]): SizedCase => ({ ...c, size: s, tailByte }));
  });
}

/** The case's argument in a fresh stage, after a call that leaves non-zero bytes in the kernel's argument buffer. */
function prepared(ctx: SuiteContext, c: SizedCase): { fx: Stage; ioctl: IoctlFacts; image: Uint8Array; buffers: readonly PlacedBuffer[] } {
  const fx = stageFor(ctx);
  const ioctl = ioctlOf(fx.system, c.ioctl);
  const { image, buffers } = materializeCase(fx, c);
  // Garbage of the full size (rejected or not: the same in every stage) leaves stale bytes behind.
  fx.system.call(fx.own, ioctl, new Uint8Array(ioctl.size).fill(0xff));
  return { fx, ioctl, image, buffers };
}

/** What the call's user buffers hold afterwards (answers the kernel wrote), for comparing two calls. */
function answers(p: { fx: Stage; buffers: readonly PlacedBuffer[] }): string {
  return p.buffers.map((b) => hex(p.fx.system.read(p.fx.own, b.address, b.length) ?? new Uint8Array())).join('|');
}

/**
 * D4, older callers: a caller whose struct is a prefix of the driver's (the fields it does not know
 * are zero in the driver's view) gets the same errno and the same answer prefix as a caller of the
 * full struct with those fields zero, even after a call left garbage in the kernel's buffer; and
 * nothing past its own size is written. An ioctl that is not size-extensible answers ENOTTY instead.
 */
export const shorterArgument: SuiteProperty<SizedCase> = {
  id: 'D4/shorter-argument-zero-extended',
  states: 'a shorter (older) argument struct behaves as the full struct with the missing fields zero',
  abis: 'each',
  skip: (ctx) => (inputIoctls(ctx).some((i) => i.size > 1) ? stageProblem(ctx) : 'no ioctl argument to shorten'),
  arbitrary: (ctx) => sizedArb(ctx, false),
  check(ctx, c) {
    const a = prepared(ctx, c);
    const full = a.image.slice();
    full.fill(0, c.size);
    const ra = a.fx.system.call(a.fx.own, a.ioctl, full);
    const b = prepared(ctx, c);
    if (b.ioctl.decl.sizeExtensible !== true) {
      const r = b.fx.system.call(b.fx.own, b.ioctl, b.image, { size: c.size, request: b.ioctl.requestFor(c.size) });
      const expected = unknownCommandErrno(ctx);
      ensure(r.errno === expected.errno, 'D4/shorter-argument-zero-extended', () => `${c.ioctl} is not size-extensible, but a ${c.size}-byte argument gave ${errnoName(r.errno)} instead of ${errnoName(expected.errno)}${expected.why}`);
      return;
    }
    const rb = b.fx.system.call(b.fx.own, b.ioctl, b.image, { size: c.size });
    ensure(rb.errno === ra.errno, 'D4/shorter-argument-zero-extended', () => `${c.ioctl} with a ${c.size}-byte argument gave ${errnoName(rb.errno)}; the full ${a.ioctl.size}-byte struct with those bytes zero gives ${errnoName(ra.errno)}`);
    ensure(hex(rb.bytes) === hex(ra.bytes.subarray(0, c.size)), 'D4/shorter-argument-zero-extended', () => `${c.ioctl} with a ${c.size}-byte argument answered ${hex(rb.bytes)}; the full struct's first ${c.size} bytes are ${hex(ra.bytes.subarray(0, c.size))}`);
    ensure(answers(b) === answers(a), 'D4/shorter-argument-zero-extended', () => `${c.ioctl} with a ${c.size}-byte argument wrote other answer bytes than the full struct`);
  },
  toData: (c) => c,
  fromData: (d) => d as SizedCase,
  dataSchema: (ctx) => argCaseSchema(ctx, () => ({ size: int(0, MAX_IOCTL_SIZE), tailByte: int(0, 255) })),
};

/**
 * D4, newer callers: bytes past the driver's struct are ignored (the call behaves as the driver-size
 * call and the extra bytes come back as they were) or, with tail policy `reject`, non-zero ones fail
 * with the longerTail errno. An ioctl that is not size-extensible answers ENOTTY. For an older client
 * the driver's struct may be longer than the client's: the bytes in between stay zero and the driver
 * may answer into them (the client's prefix must be as the client-size call's).
 */
export const longerArgument: SuiteProperty<SizedCase> = {
  id: 'D4/longer-argument-tail-policy',
  states: 'a longer (newer) argument struct is handled as its spec\'s tail policy says',
  abis: 'each',
  skip: (ctx) => (inputIoctls(ctx).length > 0 ? stageProblem(ctx) : 'no ioctl argument to extend'),
  arbitrary: (ctx) => sizedArb(ctx, true),
  check(ctx, c) {
    const a = prepared(ctx, c);
    const ra = a.fx.system.call(a.fx.own, a.ioctl, a.image);
    const b = prepared(ctx, c);
    const driver = driverSize(ctx, b.ioctl);
    const long = new Uint8Array(c.size).fill(c.tailByte);
    long.fill(0, 0, driver);
    long.set(b.image);
    if (b.ioctl.decl.sizeExtensible !== true) {
      const r = b.fx.system.call(b.fx.own, b.ioctl, long, { size: c.size, request: b.ioctl.requestFor(c.size) });
      const expected = unknownCommandErrno(ctx);
      ensure(r.errno === expected.errno, 'D4/longer-argument-tail-policy', () => `${c.ioctl} is not size-extensible, but a ${c.size}-byte argument gave ${errnoName(r.errno)} instead of ${errnoName(expected.errno)}${expected.why}`);
      return;
    }
    const rb = b.fx.system.call(b.fx.own, b.ioctl, long, { size: c.size });
    if (b.ioctl.decl.tail === 'reject' && c.tailByte !== 0) {
      const p = b.ioctl.errnoOf('longerTail');
      ensure(rb.errno === p, 'D4/longer-argument-tail-policy', () => `${c.ioctl} rejects non-zero tails, but a ${c.size}-byte argument with tail 0x${c.tailByte.toString(16)} gave ${errnoName(rb.errno)}, expected ${errnoName(p)}`);
      return;
    }
    ensure(rb.errno === ra.errno, 'D4/longer-argument-tail-policy', () => `${c.ioctl} with ${c.size - driver} extra bytes of 0x${c.tailByte.toString(16)} gave ${errnoName(rb.errno)}; the driver-size call gives ${errnoName(ra.errno)} (tail policy ${b.ioctl.decl.tail ?? 'ignore'})`);
    ensure(hex(rb.bytes.subarray(0, a.ioctl.size)) === hex(ra.bytes), 'D4/longer-argument-tail-policy', () => `${c.ioctl} with extra bytes answered differently from the driver-size call`);
    ensure(rb.bytes.subarray(driver).every((x) => x === c.tailByte), 'D4/longer-argument-tail-policy', () => `${c.ioctl} changed the caller's extra bytes past the driver's struct`);
  },
  toData: (c) => c,
  fromData: (d) => d as SizedCase,
  dataSchema: (ctx) => argCaseSchema(ctx, () => ({ size: int(0, MAX_IOCTL_SIZE), tailByte: int(0, 255) })),
};
