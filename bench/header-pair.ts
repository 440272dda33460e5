import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Issue } from '../harness/core/diagnostics/issue';
import { issue } from '../harness/core/diagnostics/issue';
import { fetchKernelHeaders } from '../harness/frontend/kernel-headers';

/** One version of a header inside the linux-libc-dev tree it was installed with. */
export interface HeaderVersion {
  /** Absolute path of the header. */
  readonly file: string;
  /** The tree's `usr/include` (check-uapi.sh compiles each version against its own tree). */
  readonly tree: string;
  /** `6.1 misc/habanalabs.h`, for people. */
  readonly label: string;
}

export interface HeaderPairInputs {
  readonly old: HeaderVersion;
  readonly new: HeaderVersion;
}

/**
 * The real header pair the comparison benchmarks use: habanalabs as Debian ships it for Linux 6.1
 * (`misc/habanalabs.h`) and for 6.12, after the driver moved to accel (`drm/habanalabs_accel.h`,
 * which now includes `drm/drm.h`). The trees are downloaded once into the cache.
 */
export function habanalabsPair(): { pair?: HeaderPairInputs; issues: Issue[] } {
  const before = fetchKernelHeaders('6.1');
  const after = fetchKernelHeaders('6.12');
  if (before.headers === undefined || after.headers === undefined) return { issues: [...before.issues, ...after.issues] };
  const old = { tree: before.headers.includeDir, file: path.join(before.headers.includeDir, 'misc', 'habanalabs.h'), label: '6.1 misc/habanalabs.h' };
  const now = { tree: after.headers.includeDir, file: path.join(after.headers.includeDir, 'drm', 'habanalabs_accel.h'), label: '6.12 drm/habanalabs_accel.h' };
  const missing = [old, now].filter((v) => !fs.existsSync(v.file));
  if (missing.length > 0) return { issues: missing.map((v) => issue('BENCH_INPUT', v.file, `${v.label} is not in the downloaded linux-libc-dev`)) };
  return { pair: { old, new: now }, issues: [] };
}
