import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../diagnostics/issue';
import { importHeader } from '../import';
import type { SpecVariant } from '../import/target-variants';
import { fromCanonical } from '../spec/canonical';
import type { Spec } from '../spec/model';
import { validateSpec } from '../spec/validate';
import { headerIncludeDirs, ownIncludeTree, revisionTree } from './include-root';
import { materializeGitRef, parseGitRef } from './git-ref';
import { loadSpecModule } from './spec-module';

export interface LoadOptions {
  /** `-I` directories for header import, searched before the system ones. */
  readonly includeDirs?: readonly string[];
  /** Name and version to give a spec imported from a header. */
  readonly name?: string;
  readonly version?: string;
  /** Folder relative paths are resolved against (default: the process's). */
  readonly cwd?: string;
  /**
   * Whether a header inside an installed uAPI tree also searches that tree, after `includeDirs`
   * (default true; see include-root.ts). Off where the caller lays out the tree itself (check-tree).
   */
  readonly ownTree?: boolean;
}

export type UapiOrigin = 'spec' | 'header' | 'json';

export interface LoadedUapi {
  readonly spec: Spec;
  readonly origin: UapiOrigin;
  /** What the user named (a path or `REF:path`). */
  readonly argument: string;
  /**
   * A header whose content depends on the target: the spec of each group of ABIs (x86_64's is
   * `spec`). Whatever lays out or diffs the uAPI takes each ABI's spec from here ({@link specForAbi}).
   */
  readonly variants?: readonly SpecVariant[];
  /** For a header: the include folders it was imported with (the given ones and its own tree). */
  readonly includeDirs?: readonly string[];
}

const SPEC_ENTRY_NAMES = ['spec.ts', 'spec.js', 'spec.json'];

function resolveEntry(p: string): { file?: string; issues: Issue[] } {
  if (!fs.existsSync(p)) return { issues: [issue('INPUT_MISSING', p, 'no such file or folder')] };
  if (!fs.statSync(p).isDirectory()) return { file: p, issues: [] };
  for (const n of SPEC_ENTRY_NAMES) {
    const f = path.join(p, n);
    if (fs.existsSync(f)) return { file: f, issues: [] };
  }
  return { issues: [issue('INPUT_MISSING', p, `a spec folder must hold one of ${SPEC_ENTRY_NAMES.join(', ')}`)] };
}

/**
 * Reads a uAPI named on the command line: a spec folder or file (`.ts`, `.js`, canonical `.json`), a
 * C header (`.h`, imported through clang), or `REF:path` read from git. The result is validated;
 * every problem comes back as an issue and nothing is thrown for bad input.
 */
export async function loadUapi(argument: string, options: LoadOptions = {}): Promise<{ uapi?: LoadedUapi; issues: Issue[] }> {
  const cwd = options.cwd ?? process.cwd();
  let target = path.resolve(cwd, argument);
  const ref = fs.existsSync(target) ? undefined : parseGitRef(argument);
  // A header of a kernel tree's uAPI folders read from git comes with that revision's whole uAPI tree.
  const atRevision = ref !== undefined && options.ownTree !== false ? revisionTree(ref.ref, ref.path, cwd) : undefined;
  if (atRevision !== undefined) {
    target = atRevision.file;
  } else if (ref !== undefined) {
    const m = materializeGitRef(ref.ref, ref.path, cwd);
    if (m.path === undefined) return { issues: m.issues };
    target = m.path;
  }
  const entry = resolveEntry(target);
  if (entry.file === undefined) return { issues: entry.issues };
  const file = entry.file;
  const ext = path.extname(file);

  let loaded: { spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[] };
  let origin: UapiOrigin;
  let includeDirs: readonly string[] | undefined;
  const notes: Issue[] = [];
  if (ext === '.h') {
    origin = 'header';
    const given = options.includeDirs ?? [];
    const dirs = options.ownTree === false
      ? { includeDirs: given.map((d) => path.resolve(cwd, d)) }
      : headerIncludeDirs(file, given, argument, cwd, atRevision !== undefined ? atRevision.tree : ownIncludeTree(file));
    includeDirs = dirs.includeDirs;
    if (dirs.note !== undefined) notes.push(dirs.note);
    loaded = await importHeader(file, {
      includeDirs,
      ...(options.name !== undefined ? { name: options.name } : {}),
      ...(options.version !== undefined ? { version: options.version } : {}),
      displayName: argument,
    });
  } else if (ext === '.json') {
    origin = 'json';
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      return { issues: [issue('SPEC_JSON', argument, `not valid JSON: ${(e as Error).message}`, { file, line: 1, col: 1 })] };
    }
    loaded = fromCanonical(json, file);
  } else if (ext === '.ts' || ext === '.js' || ext === '.cjs') {
    origin = 'spec';
    loaded = loadSpecModule(file);
  } else {
    return { issues: [issue('INPUT_KIND', argument, 'expected a spec folder, a spec file (.ts, .js, .json) or a C header (.h)')] };
  }
  if (loaded.spec === undefined) return { issues: [...notes, ...loaded.issues] };
  const problems = [...notes, ...loaded.issues, ...validateSpec(loaded.spec)];
  if (problems.some((i) => i.severity === 'error')) return { issues: problems };
  const variants = loaded.variants;
  return {
    uapi: { spec: loaded.spec, origin, argument, ...(variants !== undefined ? { variants } : {}), ...(includeDirs !== undefined ? { includeDirs } : {}) },
    issues: problems,
  };
}
