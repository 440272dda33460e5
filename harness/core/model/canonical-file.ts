import { issue, type Issue } from '../diagnostics/issue';
import { parseLocatedJson } from '../util/json-file';
import { readInputText } from '../util/read-input';
import { fromCanonical } from './canonical';
import type { Spec } from './model';
import { validateSpec } from './validate';

/**
 * Reads a canonical spec file (a release's `spec.json`, or one a user names) and validates it: every
 * problem, a JSON syntax error included, is an issue at its line and column in `shown` (the path as
 * the user should read it).
 */
export function readCanonicalFile(file: string, shown: string = file): { spec?: Spec; issues: Issue[] } {
  const read = readInputText(file);
  if (read.text === undefined) return { issues: [issue('SPEC_JSON', shown, read.problem ?? 'cannot read', { file: shown, line: 1, col: 1 })] };
  const parsed = parseLocatedJson(read.text, shown);
  if (parsed.json === undefined) {
    const e = parsed.error as { message: string; loc: Issue['loc'] };
    return { issues: [issue('SPEC_JSON', shown, e.message, e.loc)] };
  }
  const { locate } = parsed.json;
  const r = fromCanonical(parsed.json.value, file, locate);
  if (r.spec === undefined) return r;
  const problems = validateSpec(r.spec, locate);
  return problems.some((i) => i.severity === 'error') ? { issues: problems } : { spec: r.spec, issues: problems };
}
