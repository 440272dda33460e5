import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Abi } from '../core/layout/abi';
import type { Spec } from '../core/model/model';
import type { Release } from '../contract/release/releases';
import { binaryResultsFile, divergenceText, firstDivergence, readBinaryGolden } from '../conformance/binary/binary-results';
import { binarySuiteSha } from '../conformance/binary/record-binary-results';
import { runBinarySuite } from '../conformance/binary/run-binary-suite';
import type { RegisteredRule } from '../core/rules/registered-rule';
import type { StepResult } from './step';

export const BINARY_DIVERGED = 'BINARY_DIVERGED';

/** What this step reports, as the rule registry lists it. */
export const REGISTERED_BINARY_RULES: readonly RegisteredRule[] = [
  { id: BINARY_DIVERGED, family: 'check', level: 'error', severity: 'error', purpose: "a release's C client suite, compiled against its own header and run through the interposer, gets the same result from every call on the current core as it recorded: an old binary keeps working" },
];

/** Prerequisites whose absence skips the step (said, never passed): no compiler, an ABI this machine does not run, no 32-bit toolchain. */
const SKIPPING = new Set(['CC_MISSING', 'ABI_NOT_NATIVE']);

/**
 * The release's C client suite, compiled against its own header for `abi` and run unmodified through
 * the LD_PRELOAD interposer on the working spec's emulated core: every call must get the result
 * recorded for that release (its golden results), or the step names the subtest, the call and both
 * results.
 */
export function binaryStep(spec: Spec, specArg: string, release: Release, abi: Abi, snapshotsRoot: string, cwd: string = process.cwd()): StepResult {
  const name = `binary ${release.version} on the ${spec.version} core (${abi.name})`;
  const command = `npx uapi check ${specArg}`;
  const file = binaryResultsFile(snapshotsRoot, spec.name, release.version, abi.name);
  const shown = path.relative(cwd, file);
  if (!fs.existsSync(file)) {
    return { name, verdict: 'skip', summary: `${shown} does not exist: record it with \`npx uapi trace ${specArg} --record\``, items: [], command };
  }
  const read = readBinaryGolden(file, release, abi.name, binarySuiteSha());
  if (read.golden === undefined) {
    return { name, verdict: 'fail', summary: `${shown} cannot be used`, items: read.issues.map((i) => ({ rule: i.code, level: 'error', subject: shown, message: i.message })), command };
  }
  const run = runBinarySuite(release.spec, spec, abi);
  if (run.suite === undefined) {
    const first = run.issues[0];
    const skip = run.issues.every((i) => SKIPPING.has(i.code)) || (abi.pointerBytes === 4 && run.issues.every((i) => i.code === 'CC_FAILED'));
    const why = first === undefined ? 'the suite did not build' : first.message.split('\n').slice(0, 3).join(' ');
    const hint = skip && abi.pointerBytes === 4 ? ' (a 32-bit build needs gcc-multilib)' : '';
    return skip
      ? { name, verdict: 'skip', summary: `not run: ${why}${hint}`, items: [], command }
      : { name, verdict: 'fail', summary: `the C suite cannot run: ${why}`, items: run.issues.map((i) => ({ rule: i.code, level: 'error', subject: `${release.version} (${abi.name})`, message: i.message })), command };
  }
  const { results, run: r } = run.suite;
  const d = firstDivergence(read.golden.results, results);
  const exitDiffers = (r.exitStatus ?? null) !== read.golden.exitStatus;
  if (d === undefined && !exitDiffers && r.problem === undefined) {
    return {
      name, verdict: 'pass', summary: `${results.length} calls answered as recorded (${r.calls.length} device calls)`, items: [], command,
      detail: { release: release.version, abi: abi.name, calls: results.length, deviceCalls: r.calls.length },
    };
  }
  const message = d !== undefined ? divergenceText(d) : r.problem !== undefined ? `the program's channel broke: ${r.problem}` : `exit status ${r.exitStatus ?? 'unknown'}, recorded ${read.golden.exitStatus ?? 'unknown'}`;
  const subject = d?.recorded ?? d?.now;
  return {
    name, verdict: 'fail', summary: message,
    items: [{ rule: BINARY_DIVERGED, level: 'error', subject: subject !== undefined ? `${subject.subtest}: ${subject.call}` : `${release.version} (${abi.name})`, message }],
    ...(r.stderr.trim() !== '' ? { note: r.stderr.trim().split('\n').slice(0, 10).join('\n') } : {}),
    command, detail: { release: release.version, abi: abi.name, divergence: d ?? null, exitStatus: r.exitStatus ?? null },
  };
}
