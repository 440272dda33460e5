import * as fc from 'fast-check';
import { E, errnoName } from '../../../../emulator/errno';
import { encodeRequest } from '../../../core/layout/ioctl-encoding';
import type { IoctlDir } from '../../../core/model/model';
import { ensure } from '../rules';
import { specFacts } from '../spec-facts/spec-facts';
import { deviceOf, stageFor, stageProblem, inputIoctls } from './arg-case';
import type { SuiteContext, SuiteProperty } from './suite-property';
import { int, literal, object } from '../data/data-schema';
import { MAX_IOCTL_SIZE } from '../data/limits';

/** What the device answers an unknown command: ENOTTY (D3), unless the device states otherwise (with why, for messages). */
export function unknownCommandErrno(ctx: SuiteContext): { errno: number; why: string } {
  const d = deviceOf(ctx).unknownCommand;
  return d === undefined ? { errno: E.ENOTTY, why: '' } : { errno: d.errno, why: ` (${deviceOf(ctx).name}: ${d.why})` };
}

/** A request whose (type, nr) no ioctl of the spec has, with any size and direction. */
export interface UnknownCommand {
  readonly type: number;
  readonly nr: number;
  readonly size: number;
  readonly dir: IoctlDir;
}

/**
 * D3/D11: commands the spec does not declare fail with ENOTTY, whatever their size and direction,
 * and change nothing. Candidates sit next to the declared ones (same type byte, neighbouring nr; the
 * declared nr under another type byte) and anywhere else.
 */
export const unknownCommand: SuiteProperty<UnknownCommand> = {
  id: 'D3/unknown-command-enotty',
  states: 'a request whose type and nr no ioctl of the spec (nor of the driver\'s, for an older client) declares fails with ENOTTY',
  abis: 'each',
  skip: (ctx) => (inputIoctls(ctx).length === 0 ? 'the spec has no ioctl' : stageProblem(ctx)),
  arbitrary(ctx) {
    const f = specFacts(ctx.spec, ctx.abi);
    const near = f.ioctls.flatMap((i) => [[i.decl.type, i.decl.nr + 1], [i.decl.type, i.decl.nr - 1], [i.decl.type ^ 1, i.decl.nr], [i.decl.type, 0]]);
    // An older client's unknown command may be one the newer driver added since (DEBUG after 1.0.0).
    const device = specFacts(ctx.deviceSpec, ctx.abi);
    const known = (t: number, n: number): boolean => f.commands.has((t << 8) | n) || device.commands.has((t << 8) | n);
    const typeNr = fc.oneof(
      fc.constantFrom(...near).map(([t, n]) => [t as number, n as number] as const),
      fc.tuple(fc.constantFrom(...f.types), fc.integer({ min: 0, max: 255 })),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })),
    ).filter(([t, n]) => t >= 0 && t <= 255 && n >= 0 && n <= 255 && !known(t, n));
    const sizes = fc.oneof(fc.constantFrom(0, ...f.ioctls.map((i) => i.size)), fc.integer({ min: 0, max: 4096 }));
    return fc.record({ typeNr, size: sizes, dir: fc.constantFrom<IoctlDir>('none', 'r', 'w', 'rw') })
      .map((r): UnknownCommand => ({ type: r.typeNr[0], nr: r.typeNr[1], size: r.size, dir: r.dir }));
  },
  check(ctx, c) {
    const fx = stageFor(ctx);
    const any = fx.system.facts.ioctls[0];
    if (any === undefined) return;
    const request = encodeRequest(fx.system.abi.ioctl, c.dir, c.type, c.nr, c.size);
    const r = fx.system.call(fx.own, any, new Uint8Array(c.size).fill(0x5a), { size: c.size, request });
    const expected = unknownCommandErrno(ctx);
    ensure(r.errno === expected.errno, 'D3/unknown-command-enotty', () => `request 0x${request.toString(16)} (type 0x${c.type.toString(16)}, nr 0x${c.nr.toString(16)}, size ${c.size}, ${c.dir}) gave ${errnoName(r.errno)}, expected ${errnoName(expected.errno)}${expected.why}`);
  },
  toData: (c) => c,
  fromData: (d) => d as UnknownCommand,
  dataSchema: () => object({ type: int(0, 255), nr: int(0, 255), size: int(0, MAX_IOCTL_SIZE), dir: literal('none', 'r', 'w', 'rw') }),
};
