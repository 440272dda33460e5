import type { CheckResult, StepResult } from '../gate/step';
import { lintStep } from '../gate/lint-step';
import { releaseDiffStep } from '../gate/releases-step';
import { findAbi, type Abi } from '../core/layout/abi';
import { defineSpec, ioctl, struct, u16, u32, u64 } from '../core/model/dsl';
import type { Spec } from '../core/model/model';
import type { HtmlReportInput } from '../gate/html/page';

/** x86_64 and i386: the pair whose layouts differ most often (`__u64` is 4-aligned on i386). */
export const DEMO_ABIS: readonly Abi[] = ['x86_64', 'i386'].map((n) => findAbi(n) as Abi);

/** The classic hazard: a 4-byte hole before `b` and 4 bytes of tail padding on x86_64, none on i386. */
export const hazard = struct('demo_hazard', { a: u32, b: u64, c: u32 });

const bits = struct('demo_bits', { mode: u32.bits(3), level: u32.bits(5), rest: u32.bits(24), tag: u16, spare: u16.pad() });

const released = struct('demo_args', { handle: u64, size: u32, pad: u32.pad(), flags: u32, count: u32, reserved: u64.reserved() });

// Every way a field can change, in one struct: `size` retyped in place, `version` inserted, `pad`
// given a meaning as `ctx_id` on the same bytes, `count` moved, `flags` removed; on x86_64 `reserved`
// stays put behind a new hole, on i386 it moves up and the struct shrinks.
const working = struct('demo_args', { handle: u64, size: u16, version: u16, ctx_id: u32, count: u32, reserved: u64.reserved() });

function demoSpec(version: string, args: typeof released | typeof working): Spec {
  return defineSpec({
    name: 'demo',
    version,
    ioctls: [ioctl('DEMO_IOCTL_ARGS', { dir: 'rw', type: 'd', nr: 0x40, arg: args })],
    types: [hazard, bits],
  });
}

export const DEMO_OLD_SPEC: Spec = demoSpec('1.0.0', released);
export const DEMO_NEW_SPEC: Spec = demoSpec('1.1.0', working);

/**
 * A failing gate over the demo uAPI for the HTML and out-file tests: a real diff step against the
 * 1.0.0 release and a real lint step, around a passing goldens step and a property step as the
 * steps that run them report themselves (their own tests cover how they get there).
 */
export function demoCheck(): HtmlReportInput {
  const argument = 'specs/demo';
  const goldens: StepResult = { name: 'goldens demo 1.1.0', verdict: 'pass', summary: '2 golden files match', items: [], command: `npx uapi snapshot ${argument}` };
  const diff = releaseDiffStep(DEMO_NEW_SPEC, argument, { version: '1.0.0', dir: 'snapshots/demo/1.0.0', spec: DEMO_OLD_SPEC }, DEMO_ABIS, 'kernel', []);
  const lint = lintStep(DEMO_NEW_SPEC, argument, DEMO_ABIS);
  const properties: StepResult = {
    name: 'properties demo 1.1.0',
    verdict: 'fail',
    summary: '1 of 2 properties failed',
    items: [{ rule: 'D1/nonzero-pad-rejected', level: 'error', subject: 'struct demo_args.reserved', message: 'non-zero `reserved` accepted <&> not rejected with EINVAL' }],
    command: 'npx uapi replay --seed 42 --path "3:1"',
    properties: [
      { name: 'D1 demo_args.reserved rejected when non-zero', verdict: 'fail', runs: 4, seed: 42, path: '3:1', message: 'ioctl returned 0, expected EINVAL', command: 'npx uapi replay --seed 42 --path "3:1"' },
      { name: 'D3 unknown ioctl gives ENOTTY', verdict: 'pass', runs: 100 },
    ],
  };
  const steps = [goldens, diff, lint, properties];
  const result: CheckResult = { verdict: steps.some((s) => s.verdict === 'fail') ? 'fail' : 'pass', steps };
  return { result, uapis: [{ spec: DEMO_NEW_SPEC, argument }], abis: DEMO_ABIS, command: `npx uapi check ${argument}` };
}
