import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { importHeader } from '../../frontend/import';
import type { SpecVariant } from '../../frontend/import/target-variants';
import type { HeaderFacts } from '../../frontend/import/header-facts';
import semverValid = require('semver/functions/valid');
import { MANIFEST_FILE, RELEASE_SPEC_FILE, shownPath } from '../release/store-layout';
import { verifyRelease } from '../release/verify-release';
import { readCanonicalFile } from '../../core/model/canonical-file';
import { kindOf } from '../../core/util/read-input';
import type { Spec } from '../../core/model/model';
import { validateSpec } from '../../core/model/validate';
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
  /** For a header: what its translation unit tells beyond the spec (x86_64's; each variant has its own). */
  readonly facts?: HeaderFacts;
}

const SPEC_ENTRY_NAMES = ['spec.ts', 'spec.js', 'spec.json'];

function resolveEntry(p: string, shown: string): { file?: string; issues: Issue[] } {
  const at = { file: shown, line: 1, col: 1 };
  if (!fs.existsSync(p)) return { issues: [issue('INPUT_MISSING', shown, 'no such file or folder', at)] };
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const n of SPEC_ENTRY_NAMES) {
      const f = path.join(p, n);
      if (fs.existsSync(f)) return resolveEntry(f, path.join(shown, n));
    }
    return { issues: [issue('INPUT_MISSING', shown, `a spec folder must hold one of ${SPEC_ENTRY_NAMES.join(', ')}`, at)] };
  }
  // A FIFO or a device would block the reader forever: only regular files are specs or headers.
  if (!st.isFile()) return { issues: [issue('INPUT_KIND', shown, `${kindOf(st)} is not a spec or a header: give a spec folder, a spec file or a .h file`, at)] };
  return { file: p, issues: [] };
}

/**
 * A canonical spec file; when it is the spec.json of a release (`<uapi>/<version>/spec.json` beside
 * its manifest), the whole release is verified first, as every reader of releases does.
 */
function readReleaseOrSpecFile(file: string, cwd: string): { spec?: Spec; issues: Issue[] } {
  const dir = path.dirname(file);
  const version = path.basename(dir);
  if (path.basename(file) === RELEASE_SPEC_FILE && semverValid(version) !== null && fs.existsSync(path.join(dir, MANIFEST_FILE))) {
    const v = verifyRelease(dir, path.basename(path.dirname(dir)), version, { shownDir: shownPath(dir, cwd) });
    if (v.spec === undefined) return { issues: v.issues };
  }
  return readCanonicalFile(file, path.relative(cwd, file) || file);
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
  const entry = resolveEntry(target, ref !== undefined ? argument : path.relative(cwd, target) || argument);
  if (entry.file === undefined) return { issues: entry.issues };
  const file = entry.file;
  const ext = path.extname(file);

  let loaded: { spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[]; facts?: HeaderFacts };
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
    loaded = readReleaseOrSpecFile(file, cwd);
  } else if (ext === '.ts' || ext === '.js' || ext === '.cjs') {
    origin = 'spec';
    loaded = loadSpecModule(file);
  } else {
    return { issues: [issue('INPUT_KIND', argument, 'expected a spec folder, a spec file (.ts, .js, .json) or a C header (.h)')] };
  }
  if (loaded.spec === undefined) return { issues: [...notes, ...loaded.issues] };
  // A canonical file was validated as it was read (with its JSON locations).
  const problems = origin === 'json' ? [...notes, ...loaded.issues] : [...notes, ...loaded.issues, ...validateSpec(loaded.spec)];
  if (problems.some((i) => i.severity === 'error')) return { issues: problems };
  const variants = loaded.variants;
  return {
    uapi: { spec: loaded.spec, origin, argument, ...(variants !== undefined ? { variants } : {}), ...(includeDirs !== undefined ? { includeDirs } : {}), ...(loaded.facts !== undefined ? { facts: loaded.facts } : {}) },
    issues: problems,
  };
}
