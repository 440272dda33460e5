import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../core/diagnostics/issue';
import type { Abi } from '../core/layout/abi';
import { abiFlags } from './native-abi';
import { buildC, findCCompiler } from '../frontend/cbuild';

/** A C source shipped beside this module's TypeScript (harness/interposer/<name>, also in the npm package). */
export function shippedSource(relative: string): string {
  return path.resolve(__dirname, '..', '..', '..', 'harness', relative);
}

const built = new Map<string, { file?: string; issues: Issue[] }>();

/**
 * The interposer shared library for `abi`, built with the system C compiler on first use and cached
 * by content hash (see buildC); once per process and ABI.
 */
export function interposerLibrary(abi: Abi): { file?: string; issues: Issue[] } {
  const known = built.get(abi.name);
  if (known !== undefined) return known;
  const r = buildLibrary(abi);
  built.set(abi.name, r);
  return r;
}

function buildLibrary(abi: Abi): { file?: string; issues: Issue[] } {
  const { compiler, issues } = findCCompiler();
  if (compiler === undefined) return { issues };
  const flags = abiFlags(abi);
  if (flags.flags === undefined) return { issues: flags.issues };
  const source = shippedSource('interposer/interposer.c');
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch {
    return { issues: [issue('INTERPOSER_MISSING', source, 'the interposer\'s C source is missing from this installation')] };
  }
  return buildC(compiler, {
    sources: { 'interposer.c': text }, compile: ['interposer.c'],
    flags: [...flags.flags, '-shared', '-fPIC', '-O2', '-Wall'], libs: ['-ldl'], output: `uapi-interposer-${abi.name}.so`,
  });
}
