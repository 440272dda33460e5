import * as path from 'node:path';
import { spec as current } from '../../specs/habanalabs/spec';
import { listReleases } from '../contract/release/releases';
import type { Spec } from '../core/model/model';

/** The repository's snapshots folder (tests run from dist/harness/testing). */
export const REFERENCE_SNAPSHOTS = path.resolve(__dirname, '..', '..', '..', 'snapshots');

/** The frozen spec of a release of the reference uAPI; a test setup error when there is none. */
export function referenceRelease(version: string): Spec {
  const r = listReleases(REFERENCE_SNAPSHOTS, current.name).releases.find((x) => x.version === version);
  if (r === undefined) throw new Error(`no frozen release ${version} of ${current.name}`);
  return r.spec;
}
