import * as path from 'node:path';
import type { Abi } from '../../core/layout/abi';
import { formatLayoutText } from '../../core/layout/format-text';
import { abiLayoutView } from '../../core/layout/spec-layout';
import type { Spec } from '../../core/model/model';
import { toJson } from '../../core/util/json';

/** One golden file: where it lives and what it must contain. */
export interface GoldenFile {
  /** Path relative to the snapshots root, e.g. `habanalabs/1.4.0/x86_64.txt`. */
  readonly relPath: string;
  readonly expected: string;
}

/** Folder of a uAPI version's goldens, relative to the snapshots root. */
export function versionDir(spec: Spec): string {
  return path.join(spec.name, spec.version);
}

/**
 * The goldens of one spec: per ABI a pahole-like text (for review) and the contract JSON of
 * `uapi layout --format json` for that ABI (for tools). Both are derived, never edited by hand.
 */
export function goldenFiles(spec: Spec, abis: readonly Abi[]): GoldenFile[] {
  const dir = versionDir(spec);
  return abis.flatMap((abi) => [
    { relPath: path.join(dir, `${abi.name}.txt`), expected: formatLayoutText(spec, abi) },
    {
      relPath: path.join(dir, `${abi.name}.json`),
      expected: toJson({ uapi: { name: spec.name, version: spec.version }, layouts: [abiLayoutView(spec, abi)] }) + '\n',
    },
  ]);
}
