import * as fc from 'fast-check';
import { errnoName } from '../../../../emulator/errno';
import { straddle } from '../args/materialize';
import { ensure } from '../rules';
import { argCaseArb, deviceOf, stageFor, stageProblem, inputIoctls, ioctlOf, materializeCase, type ArgCase } from './arg-case';
import type { SuiteContext, SuiteProperty } from './suite-property';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import { argCaseSchema } from '../data/arg-case-schema';
import { int } from '../data/data-schema';
import { MAX_IOCTL_SIZE } from '../data/limits';

/** A conforming call whose argument struct is not all readable: unmapped, or only its first `mapped` bytes. */
export interface UnreadableCase extends ArgCase {
  /** 0: nothing mapped; otherwise the struct's first `mapped` bytes are (fewer than its size). */
  readonly mapped: number;
}

/**
 * The argument bytes the driver copies in: the whole struct (the DRM convention), or, for a device
 * that reads only the leading fields it uses, up to the end of the last field that is not output-only.
 */
function readBytes(ctx: SuiteContext, ioctl: IoctlFacts | undefined): number {
  if (ioctl === undefined) return 1;
  if (deviceOf(ctx).readsInputPrefixOnly === undefined) return ioctl.size;
  const read = (ioctl.input?.sites ?? []).filter((s) => s.dir !== 'out').map((s) => s.offset + s.access.bytes);
  return read.length === 0 ? ioctl.size : Math.max(...read);
}

/**
 * D14: an argument the kernel cannot copy in fails with the badPointer errno and changes nothing
 * (the copy happens before any work: a driver that reads zeros instead, or half a struct, acts on
 * what the caller never sent).
 */
export const unreadableArgument: SuiteProperty<UnreadableCase> = {
  id: 'D14/unreadable-argument-efault',
  states: 'an argument that is unmapped, or mapped only in part, fails with the badPointer errno and changes nothing',
  abis: 'each',
  skip: (ctx) => (inputIoctls(ctx).length === 0 ? 'the spec has no ioctl that reads an argument' : stageProblem(ctx)),
  arbitrary: (ctx) => argCaseArb(ctx).chain((c) => {
    const ioctl = inputIoctls(ctx).find((i) => i.name === c.ioctl);
    return fc.integer({ min: 0, max: Math.max(0, readBytes(ctx, ioctl) - 1) }).map((mapped): UnreadableCase => ({ ...c, mapped }));
  }),
  check(ctx, c) {
    const fx = stageFor(ctx);
    const ioctl = ioctlOf(fx.system, c.ioctl);
    const m = materializeCase(fx, c);
    const address = c.mapped === 0 ? fx.system.unmappedAddress(fx.own) : straddle(fx.own, m.image, c.mapped);
    const before = fx.system.instance.digest();
    const r = fx.system.call(fx.own, ioctl, m.image, { address });
    const p = ioctl.errnoOf('badPointer');
    ensure(r.errno === p, 'D14/unreadable-argument-efault', () => `${c.ioctl} with ${c.mapped === 0 ? 'an unmapped argument' : `only ${c.mapped} of ${ioctl.size} argument bytes mapped`} gave ${errnoName(r.errno)}, expected ${errnoName(p)}`);
    const after = fx.system.instance.digest();
    ensure(after === before, 'no-side-effect-on-failure', () => `${c.ioctl} could not read its argument but changed the device: ${before} -> ${after}`);
  },
  toData: (c) => c,
  fromData: (d) => d as UnreadableCase,
  dataSchema: (ctx) => argCaseSchema(ctx, () => ({ mapped: int(0, MAX_IOCTL_SIZE) })),
};
