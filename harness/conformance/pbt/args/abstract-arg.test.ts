import test from 'ava';
import * as fc from 'fast-check';
import { findAbi, type Abi } from '../../../core/layout/abi';
import { spec } from '../../../../specs/habanalabs/spec';
import { checkProperty } from '../../../testing/property';
import { argCaseArb, stageFor, materializeCase } from '../properties/arg-case';
import type { SuiteContext } from '../properties/suite-property';
import { lengthSiteOf } from '../spec-facts/field-sites';
import { readSite, viewOf } from '../world/bytes';
import { codecFor } from '../../../core/codec';

for (const abiName of ['x86_64', 'i386']) {
  const ctx: SuiteContext = { spec, deviceSpec: spec, abi: findAbi(abiName) as Abi, mirror: undefined, mutations: [], counter: { ioctls: 0 } };

  test(`property: generated arguments respect every annotation outside unions (${abiName})`, (t) => {
    checkProperty(fc.property(argCaseArb(ctx), (c) => {
      const fx = stageFor(ctx);
      const facts = fx.system.facts;
      const ioctl = facts.ioctl(c.ioctl);
      const input = ioctl?.input;
      if (input === undefined) return false;
      const m = materializeCase(fx, c);
      const view = viewOf(m.image);
      for (const s of input.sites.filter((x) => !x.conditional && x.dir !== 'out')) {
        const v = readSite(view, s);
        if (s.kind === 'zero' && v !== 0n) return false;
        if (s.kind === 'flags' && (v & ~BigInt.asUintN(s.access.bytes * 8, facts.group(s.annotations?.flags ?? '')?.mask ?? 0n)) !== 0n) return false;
        if (s.kind === 'oneOf' && !(facts.group(s.annotations?.oneOf ?? '')?.values.some((x) => BigInt.asUintN(s.access.bytes * 8, x) === v) ?? false)) return false;
        if (s.kind === 'handle' && v !== 0n && ![...fx.live.values()].some((l) => l.includes(v)) && v > 16n) return false;
        if (s.kind === 'userPointer' && c.arg.values[s.path]?.t === 'pointer') {
          const len = lengthSiteOf(input.sites, s);
          const n = len !== undefined ? Number(readSite(view, len)) : 0;
          const unit = s.annotations?.userPointer?.lengthUnit === 'elements' ? codecFor(spec, ctx.abi, s.annotations.userPointer.elementType ?? '')?.size ?? 1 : 1;
          const b = m.buffers.find((x) => x.path === s.path);
          if (b === undefined || BigInt(b.address) !== v || n * unit !== b.length) return false;
          if (fx.system.read(fx.own, b.address, b.length) === undefined) return false;
        }
      }
      return true;
    }), { numRuns: 200, seed: 11 });
    t.pass();
  });
}
