import { changeItem } from '../contract/diff/to-report';
import { CHANGE_RULE_LIST, REGISTERED_CHANGE_RULES } from '../contract/diff/rules';
import type { Report } from '../report/report';
import type { TreeResult } from './check-tree';

/** A kernel-tree run as one report: every header's changes, subjects prefixed by the header path. */
export function treeReport(r: TreeResult): Report {
  const items = r.headers.flatMap((h) => h.changes.map((c) => changeItem(c, r.abis, c.subject === h.path ? '' : `${h.path}: `)));
  return {
    title: `uapi check-tree ${r.past} -> ${r.base} (${r.headers.length} header${r.headers.length === 1 ? '' : 's'})`,
    verdict: r.verdict,
    failed: r.verdict === 'breaking',
    items,
    checks: CHANGE_RULE_LIST.map((r) => r.id),
    rules: REGISTERED_CHANGE_RULES,
  };
}

/** `uapi check-tree --format json`: the verdict, the refs, and each header with its diff. */
export function treeJson(r: TreeResult): unknown {
  return { verdict: r.verdict, hazards: r.hazards, base: r.base, past: r.past, abis: r.abis, headers: r.headers };
}
