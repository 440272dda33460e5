import * as path from 'node:path';
import type { Change, DiffResult, Verdict } from '../diff/change';
import { diffSpecs } from '../diff/diff-specs';
import { liveHazards, verdictOf } from '../diff/policy';
import * as R from '../diff/rules';
import type { Issue } from '../diagnostics/issue';
import type { SpecVariant } from '../import/target-variants';
import type { Abi } from '../layout/abi';
import { loadUapi } from '../load/load-uapi';
import type { Spec } from '../spec/model';
import { changedHeaders, resolveRefs, uapiPathspecs, type ChangedHeader, type TreeRefs } from './changed-headers';
import { extractRevision, shownPath, workingTreeSide, type TreeSide } from './tree-snapshot';
import { pushAll } from '../util/push-all';

export interface TreeOptions {
  readonly base?: string;
  readonly past?: string;
  /** Limit to these paths (files or folders, relative to the tree's top); default: the uAPI folders. */
  readonly paths: readonly string[];
  readonly abis: readonly Abi[];
  /** Called before each header, for progress displays. */
  readonly onHeader?: (index: number, total: number, header: ChangedHeader) => void;
}

export interface HeaderResult {
  readonly path: string;
  readonly status: ChangedHeader['status'];
  readonly verdict: Verdict;
  readonly changes: readonly Change[];
}

export interface TreeResult {
  readonly top: string;
  readonly base: string;
  readonly past: string;
  readonly verdict: Verdict;
  /** Hazards of every header that are not waived (they fail only with --strict in uapi diff). */
  readonly hazards: number;
  readonly abis: readonly string[];
  readonly headers: readonly HeaderResult[];
}

const EMPTY = (name: string): Spec => ({ name, version: '0.0.0', records: [], enums: [], constants: [], groups: [], ioctls: [] });

/** Locations in a side's files shown as the user knows them (see {@link shownPath}). */
function relabel(changes: readonly Change[], side: TreeSide): Change[] {
  return changes.map((c) => (c.location !== undefined ? { ...c, location: { ...c.location, file: shownPath(side, c.location.file) } } : c));
}

function relabelIssue(i: Issue, side: TreeSide): Issue {
  if (i.loc === undefined) return i;
  const file = shownPath(side, i.loc.file);
  return { ...i, path: i.path === i.loc.file ? file : i.path, loc: { ...i.loc, file } };
}

async function importSide(side: TreeSide, rel: string): Promise<{ spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[] }> {
  // The side's own installed tree, and nothing of the host's but libc's and clang's headers it lacks.
  const r = await loadUapi(path.join(side.root, rel), { includeDirs: [side.installed.includeDir], ownTree: false });
  const issues = r.issues.map((i) => relabelIssue(i, side));
  if (r.uapi === undefined) return { issues };
  return { spec: r.uapi.spec, issues, ...(r.uapi.variants !== undefined ? { variants: r.uapi.variants } : {}) };
}

function worst(verdicts: readonly Verdict[]): Verdict {
  const order: Verdict[] = ['identical', 'compatible', 'source-breaking', 'breaking'];
  return verdicts.reduce<Verdict>((w, v) => (order.indexOf(v) > order.indexOf(w) ? v : w), 'identical');
}

/**
 * Kernel-tree mode, like scripts/check-uapi.sh but on every ABI and with values: each uAPI header that
 * changed between two revisions (or the working tree) is imported on both sides and diffed; added
 * headers are reported with their own hazards, removed ones are breaking.
 */
export async function checkTree(top: string, o: TreeOptions): Promise<{ result?: TreeResult; issues: Issue[]; warnings?: readonly Issue[] }> {
  const pathspecs = o.paths.length > 0 ? [...o.paths] : uapiPathspecs(top) ?? ['*.h'];
  const resolved = resolveRefs(top, o.base, o.past, pathspecs);
  if (resolved.refs === undefined) return { issues: resolved.issues };
  const refs: TreeRefs = resolved.refs;
  const changed = changedHeaders(top, refs, pathspecs);
  if (changed.issues.length > 0) return { issues: changed.issues };
  // Each side's whole uAPI tree, not only the compared paths: what the headers include comes from it.
  const wholeTree = [...new Set([...(uapiPathspecs(top) ?? []), ...pathspecs])];
  const oldSide = extractRevision(top, refs.past, wholeTree);
  if (oldSide.side === undefined) return { issues: oldSide.issues };
  let newSide: TreeSide;
  if (refs.base !== undefined) {
    const x = extractRevision(top, refs.base, wholeTree);
    if (x.side === undefined) return { issues: x.issues };
    newSide = x.side;
  } else {
    newSide = workingTreeSide(top);
  }
  const abiNames = o.abis.map((a) => a.name);
  const headers: HeaderResult[] = [];
  const issues: Issue[] = [];
  // Warnings users must see although the diff goes on: a header laid out per target variant.
  const warnings: Issue[] = [];
  const noteWarnings = (found: readonly Issue[]): void => {
    for (const w of found) if (w.code === 'IMPORT_TARGET_DEPENDENT') warnings.push(w);
  };
  for (const [i, h] of changed.headers.entries()) {
    o.onHeader?.(i, changed.headers.length, h);
    const name = path.basename(h.path, '.h');
    if (h.status === 'removed') {
      const change: Change = { rule: R.HEADER_REMOVED.id, level: R.HEADER_REMOVED.level, subject: h.path, abis: abiNames, old: h.path, new: null, message: `${h.path} was removed: binaries and code using it break` };
      headers.push({ path: h.path, status: h.status, verdict: 'breaking', changes: [change] });
      continue;
    }
    const now = await importSide(newSide, h.path);
    if (now.spec === undefined) { pushAll(issues, now.issues); continue; }
    const before = h.status === 'added' ? { spec: EMPTY(name), issues: [] } : await importSide(oldSide.side, h.path);
    if (before.spec === undefined) { pushAll(issues, before.issues); continue; }
    noteWarnings(before.issues);
    noteWarnings(now.issues);
    const variantsOf = (s: { variants?: readonly SpecVariant[] }): { variants?: readonly SpecVariant[] } => (s.variants !== undefined ? { variants: s.variants } : {});
    const d: DiffResult = diffSpecs(
      { spec: before.spec, label: `${refs.past}:${h.path}`, headerMode: true, ...variantsOf(before) },
      { spec: now.spec, label: `${refs.base ?? 'worktree'}:${h.path}`, headerMode: true, ...variantsOf(now) },
      { abis: o.abis },
    );
    let changes = relabel(relabel(d.changes, oldSide.side), newSide);
    if (h.status === 'added') {
      // A new header is one addition; only its hazards (breaks, 32/64-bit notes) get lines of their own.
      const added: Change = { rule: R.HEADER_ADDED.id, level: R.HEADER_ADDED.level, subject: h.path, abis: abiNames, old: null, new: h.path, message: `${h.path} was added` };
      changes = [added, ...changes.filter((c) => c.level !== 'compatible')];
    }
    headers.push({ path: h.path, status: h.status, verdict: verdictOf(changes), changes });
  }
  if (issues.length > 0) return { issues };
  return {
    result: { top, base: refs.base ?? 'worktree', past: refs.past, verdict: worst(headers.map((h) => h.verdict)), hazards: liveHazards(headers.flatMap((h) => h.changes)), abis: abiNames, headers },
    issues: [],
    warnings,
  };
}
