import * as fs from 'node:fs';
import { issue, type Issue } from '../../core/diagnostics/issue';
import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { emitCHeader } from '../../frontend/emit/c-header';
import { buildC, findCCompiler } from '../../frontend/cbuild';
import { shippedSource } from '../../interposer/interposer-library';
import { abiFlags } from '../../interposer/native-abi';

/** The C client suite's files (harness/conformance/binary/): the thin runtime and its tests. */
const SUITE_FILES = ['hl-thin.h', 'hl-suite.c'] as const;

/**
 * The C client suite compiled against `spec`'s C header (emitted from the spec, as `uapi.h`) for
 * `abi`: an old binary, for real, when `spec` is a frozen release's. Built on first use and cached
 * by content hash (buildC).
 */
export function buildBinarySuite(spec: Spec, abi: Abi): { file?: string; issues: Issue[] } {
  const { compiler, issues } = findCCompiler();
  if (compiler === undefined) return { issues };
  const flags = abiFlags(abi);
  if (flags.flags === undefined) return { issues: flags.issues };
  const sources: Record<string, string> = { 'uapi.h': emitCHeader(spec).text };
  for (const name of SUITE_FILES) {
    const file = shippedSource(`conformance/binary/${name}`);
    try {
      sources[name] = fs.readFileSync(file, 'utf8');
    } catch {
      return { issues: [issue('BINARY_SUITE_MISSING', file, 'the C client suite is missing from this installation')] };
    }
  }
  return buildC(compiler, {
    sources, compile: ['hl-suite.c'], flags: [...flags.flags, '-std=gnu99', '-O1', '-Wall', '-D_FILE_OFFSET_BITS=64'],
    output: `hl-suite-${spec.name}-${spec.version}-${abi.name}`,
  });
}

/** The suite's source bytes, hashed into golden results: results recorded for other sources are not compared. */
export function binarySuiteSources(): string {
  return SUITE_FILES.map((n) => fs.readFileSync(shippedSource(`conformance/binary/${n}`), 'utf8')).join('\0');
}
