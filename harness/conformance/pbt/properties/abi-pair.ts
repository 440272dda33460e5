import { codecFor } from '../../../core/codec';
import { errnoName } from '../../../../emulator/errno';
import { toJson } from '../../../core/util/json';
import type { Abi } from '../../../core/layout/abi';
import type { Spec } from '../../../core/model/model';
import { ensure } from '../rules';
import { viewOf, writeSite } from '../world/bytes';
import { argCaseArb, deviceOf, stageFor, stageProblem, inputIoctls, ioctlOf, materializeCase, type ArgCase } from './arg-case';
import type { SuiteContext, SuiteProperty } from './suite-property';
import { argCaseSchema } from '../data/arg-case-schema';

const sameLayoutCache = new WeakMap<Spec, Map<string, boolean>>();

/** Whether every record of the spec has the same size on both ABIs (then answer bytes compare as they are). */
function sameLayouts(spec: Spec, a: Abi, b: Abi): boolean {
  let m = sameLayoutCache.get(spec);
  if (m === undefined) {
    m = new Map();
    sameLayoutCache.set(spec, m);
  }
  const key = `${a.name}/${b.name}`;
  let v = m.get(key);
  if (v === undefined) {
    v = spec.records.every((r) => r.name === undefined || codecFor(spec, a, r.name)?.size === codecFor(spec, b, r.name)?.size);
    m.set(key, v);
  }
  return v;
}

interface Observed {
  readonly errno: number;
  readonly out: string;
  readonly answers: string;
}

function observe(ctx: SuiteContext, abi: Abi, c: ArgCase, rawAnswers: boolean): Observed {
  const fx = stageFor(ctx, abi);
  const ioctl = ioctlOf(fx.system, c.ioctl);
  const m = materializeCase(fx, c);
  const r = fx.system.call(fx.own, ioctl, m.image);
  // Host addresses differ between the ABIs' processes by nature: user pointers are left out, and a
  // failed call's argument comes back as the caller wrote it (with its addresses), so only answers count.
  const bytes = r.bytes.slice();
  for (const s of ioctl.output?.sites ?? []) if (s.kind === 'userPointer') writeSite(viewOf(bytes), s, 0n);
  const out = ioctl.output !== undefined && r.errno === 0 ? toJson(ioctl.output.codec.read(viewOf(bytes), 0), 0) : '';
  const answers = rawAnswers
    ? m.buffers.filter((b) => b.dir !== 'in').map((b) => Buffer.from(fx.system.read(fx.own, b.address, b.length) ?? []).toString('hex')).join('|')
    : '';
  return { errno: r.errno, out, answers };
}

const FOUR_GIB = 1n << 32n;

/** Any integer of the case at or past 4 GiB (the case's values are JSON-like data: plain, `$bigint` or bigint). */
function holdsValueBeyond4GiB(x: unknown): boolean {
  if (typeof x === 'bigint') return x >= FOUR_GIB;
  if (typeof x === 'number') return x >= 2 ** 32;
  if (x === null || typeof x !== 'object') return false;
  const big = (x as { $bigint?: unknown }).$bigint;
  if (typeof big === 'string') return BigInt(big) >= FOUR_GIB;
  return Object.values(x).some(holdsValueBeyond4GiB);
}

/**
 * A difference the device states as the kernel's (compatAddressLimit): the 32-bit process got the
 * stated errno for a call that holds a value past its 4 GiB address space.
 */
function beyond32BitAddressSpace(ctx: SuiteContext, c: ArgCase, errnoOf32Bit: number): boolean {
  const limit = deviceOf(ctx).compatAddressLimit;
  return limit !== undefined && errnoOf32Bit === limit.errno && holdsValueBeyond4GiB(c);
}

/**
 * D13: the same call from a process of the other ABI (a 32-bit process on the 64-bit kernel: its own
 * layouts and request numbers) gives the same errno and the same decoded answer. Each side runs in its
 * own stage, built the same way, so handles and device addresses match.
 */
export const abiPair: SuiteProperty<ArgCase> = {
  id: 'D13/32-bit-abi-same-result',
  states: 'a call made through the 32-bit ABI\'s encoding gives the same errno and answer as through the 64-bit one',
  abis: 'pair',
  skip: (ctx) => (ctx.mirror === undefined ? 'no second ABI to compare with' : inputIoctls(ctx).length === 0 ? 'the spec has no ioctl that reads an argument' : stageProblem(ctx) ?? stageProblem({ ...ctx, abi: ctx.mirror })),
  arbitrary: (ctx) => argCaseArb(ctx),
  check(ctx, c) {
    const mirror = ctx.mirror;
    if (mirror === undefined) return;
    const raw = sameLayouts(ctx.spec, ctx.abi, mirror);
    const a = observe(ctx, ctx.abi, c, raw);
    const b = observe(ctx, mirror, c, raw);
    if (a.errno !== b.errno && beyond32BitAddressSpace(ctx, c, ctx.abi.pointerBytes === 4 ? a.errno : b.errno)) return;
    ensure(a.errno === b.errno, 'D13/32-bit-abi-same-result', () => `${c.ioctl}: ${errnoName(a.errno)} on ${ctx.abi.name}, ${errnoName(b.errno)} on ${mirror.name}`);
    ensure(a.out === b.out, 'D13/32-bit-abi-same-result', () => `${c.ioctl}: answer ${a.out} on ${ctx.abi.name}, ${b.out} on ${mirror.name}`);
    ensure(a.answers === b.answers, 'D13/32-bit-abi-same-result', () => `${c.ioctl}: different bytes in the answer buffers on ${ctx.abi.name} and ${mirror.name}`);
  },
  toData: (c) => c,
  fromData: (d) => d as ArgCase,
  dataSchema: (ctx) => argCaseSchema(ctx),
};
