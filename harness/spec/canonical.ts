import { issue, type Issue } from '../diagnostics/issue';
import type { Spec } from './model';

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
export function fromCanonical(json: unknown, file: string): { spec?: Spec; issues: Issue[] } {
  const issues: Issue[] = [];
  const bad = (path: string, message: string): void => {
    issues.push(issue('SPEC_JSON', path, message, { file, line: 1, col: 1 }));
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    bad('', 'a canonical spec is a JSON object');
    return { issues };
  }
  const o = json as Record<string, unknown>;
  if (o['format'] !== CANONICAL_FORMAT) bad('format', `expected "${CANONICAL_FORMAT}", found ${JSON.stringify(o['format'])}`);
  for (const k of ['name', 'version']) if (typeof o[k] !== 'string') bad(k, 'must be a string');
  for (const k of ['records', 'enums', 'constants', 'groups', 'ioctls']) if (!Array.isArray(o[k])) bad(k, 'must be an array');
  if (issues.length > 0) return { issues };

  const revive = (v: unknown, path: string, key: string): unknown => {
    if (BIGINT_KEYS.has(key)) {
      if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
      if (typeof v === 'string' && /^-?(\d+|0x[0-9a-f]+)$/i.test(v)) return BigInt(v);
      bad(path, `integer expected, found ${JSON.stringify(v)}`);
      return 0n;
    }
    if (Array.isArray(v)) return v.map((x, i) => revive(x, `${path}[${i}]`, ''));
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = revive(x, path === '' ? k : `${path}.${k}`, k);
      return out;
    }
    return v;
  };
  const { format: _format, ...rest } = o;
  const spec = revive(rest, '', '') as Spec;
  return issues.length > 0 ? { issues } : { spec: { ...spec, source: file }, issues };
}
