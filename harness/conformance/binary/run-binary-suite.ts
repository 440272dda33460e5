import type { Issue } from '../../core/diagnostics/issue';
import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { createDevice } from '../../../emulator/device/create-device';
import { interposerLibrary } from '../../interposer/interposer-library';
import { runInterposed, type InterposedRun } from '../../interposer/run-interposed';
import { buildBinarySuite } from './binary-suite';

/** One line the C suite printed: one call, and what it got. */
export interface BinaryResult {
  readonly subtest: string;
  readonly call: string;
  /** `ok` and the outputs the suite prints, or the errno's name. */
  readonly result: string;
}

export interface BinarySuiteRun {
  readonly results: readonly BinaryResult[];
  readonly run: InterposedRun;
}

/**
 * Builds the C suite against `release`'s header for `abi` and runs it, unmodified, through the
 * interposer on a fresh emulated core serving `core` (the working spec). Missing prerequisites (no
 * compiler, an ABI this machine cannot run, a failed build) come back as issues.
 */
export function runBinarySuite(release: Spec, core: Spec, abi: Abi): { suite?: BinarySuiteRun; issues: Issue[] } {
  const lib = interposerLibrary(abi);
  if (lib.file === undefined) return { issues: lib.issues };
  const program = buildBinarySuite(release, abi);
  if (program.file === undefined) return { issues: program.issues };
  const { device, issues } = createDevice({ spec: core });
  if (device === undefined) return { issues };
  const r = runInterposed({ program: program.file, device, abi, library: lib.file });
  if (r.run === undefined) return { issues: r.issues };
  return { suite: { results: parseResults(r.run.stdout), run: r.run }, issues: [] };
}

export function parseResults(stdout: string): BinaryResult[] {
  return stdout.split('\n').filter((l) => l !== '').map((l) => {
    const [subtest = '', call = '', result = ''] = l.split('\t');
    return { subtest, call, result };
  });
}
