import { issue, type Issue } from '../diagnostics/issue';
import type { JsonPath } from '../util/json-file';
import type { EnumDecl, Member, RecordDecl, SourceLoc, Spec } from './model';

/**
 * The canonical JSON form of a spec: the model itself, with source locations dropped (they are not
 * part of the contract and would make every moved line a diff) and 64-bit values written as numbers
 * when they are exact in a double, else as decimal strings. Key order follows the model, so the
 * text is stable and diffs cleanly.
 */
export const CANONICAL_FORMAT = 'uapi-harness/spec@1';

export function toCanonical(spec: Spec): unknown {
  return { format: CANONICAL_FORMAT, ...(strip(spec) as object) };
}

function strip(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(strip);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'loc' || k === 'source' || x === undefined) continue;
      out[k] = strip(x);
    }
    return out;
  }
  return v;
}

const BIGINT_KEYS = new Set(['value']);

/**
 * Reads the canonical form back. Structural problems are collected as issues (with JSON paths); the
 * semantic checks are {@link validateSpec}'s.
 */
export function fromCanonical(json: unknown, file: string, locate?: (p: JsonPath) => SourceLoc): { spec?: Spec; issues: Issue[] } {
  const issues: Issue[] = [];
  const where = locate ?? ((): SourceLoc => ({ file, line: 1, col: 1 }));
  const bad = (path: string, message: string, at: JsonPath = path === '' ? [] : [path]): void => {
    issues.push(issue('SPEC_JSON', path, message, where(at)));
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    bad('', 'a canonical spec is a JSON object');
    return { issues };
  }
  const o = json as Record<string, unknown>;
  if (o['format'] !== CANONICAL_FORMAT) bad('format', `expected "${CANONICAL_FORMAT}", found ${JSON.stringify(o['format']) ?? 'nothing'}`);
  for (const k of ['name', 'version']) if (typeof o[k] !== 'string') bad(k, 'must be a string');
  for (const k of ['records', 'enums', 'constants', 'groups', 'ioctls']) if (!Array.isArray(o[k])) bad(k, 'must be an array');
  if (issues.length > 0) return { issues };

  // Iterative, not recursive: a deeply nested file must give issues, not a stack overflow.
  const revive = (v: unknown, jsonPath: JsonPath, key: string): unknown => {
    if (BIGINT_KEYS.has(key)) {
      if (typeof v === 'number' && Number.isSafeInteger(v)) return BigInt(v);
      if (typeof v === 'string' && /^-?(\d+|0x[0-9a-f]+)$/i.test(v)) return BigInt(v);
      bad(jsonPath.join('.'), `integer expected (a number, or a decimal or 0x string beyond 2^53), found ${JSON.stringify(v)}`, jsonPath);
      return 0n;
    }
    if (jsonPath.length > MAX_DEPTH) {
      bad(jsonPath.join('.'), `nested more than ${MAX_DEPTH} levels deep`, jsonPath);
      return null;
    }
    if (Array.isArray(v)) return v.map((x, i) => revive(x, [...jsonPath, i], ''));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = revive(x, [...jsonPath, k], k);
      return out;
    }
    return v;
  };
  const { format: _format, ...rest } = o;
  const spec = revive(rest, [], '') as Spec;
  if (issues.length > 0) return { issues };
  if (locate !== undefined) attachLocations(spec, locate);
  return { spec: { ...spec, source: file }, issues };
}

// Far deeper than any real header nests (the shape check allows 64 levels of records and types,
// each a few JSON levels); an adversarial file stops here instead of exhausting the stack.
const MAX_DEPTH = 400;

type Located = { loc?: SourceLoc };

/**
 * Gives each declaration, member and enumerator of a spec read from JSON the line it sits on, so that
 * whatever later finds a problem with it (validation, lint, diff) names the file and line.
 */
function attachLocations(spec: Spec, locate: (p: JsonPath) => SourceLoc): void {
  const set = (x: unknown, p: JsonPath): void => {
    if (x !== null && typeof x === 'object' && !Array.isArray(x) && (x as Located).loc === undefined) (x as Located).loc = locate(p);
  };
  const record = (r: unknown, p: JsonPath, depth: number): void => {
    set(r, p);
    const members = (r as Partial<RecordDecl> | null)?.members;
    if (!Array.isArray(members) || depth > 64) return;
    members.forEach((m: unknown, i) => {
      set(m, [...p, 'members', i]);
      const t = (m as Partial<Member> | null)?.type;
      if (t?.kind === 'record') record(t.record, [...p, 'members', i, 'type', 'record'], depth + 1);
    });
  };
  const each = (k: keyof Spec, f: (x: unknown, p: JsonPath) => void): void => {
    const xs = spec[k];
    if (Array.isArray(xs)) xs.forEach((x: unknown, i) => f(x, [k, i]));
  };
  each('records', (x, p) => record(x, p, 0));
  each('enums', (x, p) => {
    set(x, p);
    const values = (x as Partial<EnumDecl> | null)?.values;
    if (Array.isArray(values)) values.forEach((v: unknown, i) => set(v, [...p, 'values', i]));
  });
  for (const k of ['constants', 'groups', 'ioctls'] as const) each(k, set);
}
