import * as path from 'node:path';
import type { Change, DiffResult, Verdict } from '../contract/diff/change';
import { diffSpecs } from '../contract/diff/diff-specs';
import { revisionReferences } from '../frontend/tree/source-references';
import { liveHazards, verdictOf } from '../contract/diff/policy';
import * as R from '../contract/diff/rules';
import type { Issue } from '../core/diagnostics/issue';
import type { HeaderFacts } from '../frontend/import/header-facts';
import type { SpecVariant } from '../frontend/import/target-variants';
import type { Abi } from '../core/layout/abi';
import { loadUapi } from '../contract/load/load-uapi';
import type { Spec } from '../core/model/model';
import { changedHeaders, resolveRefs, uapiPathspecs, type ChangedHeader, type TreeRefs } from '../frontend/tree/changed-headers';
import { extractRevision, shownPath, workingTreeSide, type TreeSide } from '../frontend/tree/tree-snapshot';
import { mapLimit } from '../core/util/map-limit';

export interface TreeOptions {
  readonly base?: string;
  readonly past?: string;
  /** Limit to these paths (files or folders, relative to the tree's top); default: the uAPI folders. */
  readonly paths: readonly string[];
  readonly abis: readonly Abi[];
  /** Called before each header, for progress displays. */
  readonly onHeader?: (index: number, total: number, header: ChangedHeader) => void;
  /** Headers checked at once (check-uapi.sh's `-j`); default 1. Results keep the headers' order. */
  readonly jobs?: number;
  /** check-uapi.sh's `-i`: leave out changes that may or may not break (hazards); they never fail anyway. */
  readonly ignoreAmbiguous?: boolean;
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

async function importSide(side: TreeSide, rel: string): Promise<{ spec?: Spec; issues: Issue[]; variants?: readonly SpecVariant[]; facts?: HeaderFacts }> {
  // The side's own installed tree, and nothing of the host's but libc's and clang's headers it lacks.
  const r = await loadUapi(path.join(side.root, rel), { includeDirs: [side.installed.includeDir], ownTree: false });
  const issues = r.issues.map((i) => relabelIssue(i, side));
  if (r.uapi === undefined) return { issues };
  return { spec: r.uapi.spec, issues, ...(r.uapi.variants !== undefined ? { variants: r.uapi.variants } : {}), ...(r.uapi.facts !== undefined ? { facts: r.uapi.facts } : {}) };
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
  const oldTree = oldSide.side;
  // The past revision's kernel sources tell whether a removed ioctl still had a handler there.
  const oldSources = revisionReferences(top, refs.past);
  const checkOne = async (h: ChangedHeader, i: number): Promise<{ header?: HeaderResult; issues: readonly Issue[]; warnings: readonly Issue[] }> => {
    o.onHeader?.(i, changed.headers.length, h);
    const name = path.basename(h.path, '.h');
    if (h.status === 'removed') {
      const change: Change = { rule: R.HEADER_REMOVED.id, level: R.HEADER_REMOVED.level, subject: h.path, abis: abiNames, old: h.path, new: null, message: `${h.path} was removed: binaries and code using it break` };
      return { header: { path: h.path, status: h.status, verdict: 'breaking', changes: [change] }, issues: [], warnings: [] };
    }
    const now = await importSide(newSide, h.path);
    if (now.spec === undefined) return { issues: now.issues, warnings: [] };
    const before = h.status === 'added' ? { spec: EMPTY(name), issues: [] } : await importSide(oldTree, h.path);
    if (before.spec === undefined) return { issues: before.issues, warnings: [] };
    // Warnings users must see although the diff goes on: a header laid out per target variant.
    const warnings = [...before.issues, ...now.issues].filter((w) => w.code === 'IMPORT_TARGET_DEPENDENT');
    const variantsOf = (s: { variants?: readonly SpecVariant[]; facts?: HeaderFacts }): { variants?: readonly SpecVariant[]; facts?: HeaderFacts } =>
      ({ ...(s.variants !== undefined ? { variants: s.variants } : {}), ...(s.facts !== undefined ? { facts: s.facts } : {}) });
    const d: DiffResult = diffSpecs(
      { spec: before.spec, label: `${refs.past}:${h.path}`, headerMode: true, ...variantsOf(before) },
      { spec: now.spec, label: `${refs.base ?? 'worktree'}:${h.path}`, headerMode: true, ...variantsOf(now) },
      { abis: o.abis, oldSources },
    );
    let changes = relabel(relabel(d.changes, oldTree), newSide);
    if (h.status === 'added') {
      // A new header is one addition; only its hazards (breaks, 32/64-bit notes) get lines of their own.
      const added: Change = { rule: R.HEADER_ADDED.id, level: R.HEADER_ADDED.level, subject: h.path, abis: abiNames, old: null, new: h.path, message: `${h.path} was added` };
      changes = [added, ...changes.filter((c) => c.level !== 'compatible')];
    }
    if (o.ignoreAmbiguous === true) changes = changes.filter((c) => c.level !== 'hazard');
    return { header: { path: h.path, status: h.status, verdict: verdictOf(changes), changes }, issues: [], warnings };
  };
  const outcomes = await mapLimit(changed.headers, o.jobs ?? 1, checkOne);
  const headers = outcomes.flatMap((x) => (x.header !== undefined ? [x.header] : []));
  const issues = outcomes.flatMap((x) => x.issues);
  const warnings = outcomes.flatMap((x) => x.warnings);
  if (issues.length > 0) return { issues };
  return {
    result: { top, base: refs.base ?? 'worktree', past: refs.past, verdict: worst(headers.map((h) => h.verdict)), hazards: liveHazards(headers.flatMap((h) => h.changes)), abis: abiNames, headers },
    issues: [],
    warnings,
  };
}
