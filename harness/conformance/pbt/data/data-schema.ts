/**
 * Small checkers for the data a failure file holds (a counterexample, as plain JSON with tagged
 * bigints): each says where a value is wrong (its key path) and what it should be, and collects
 * every problem instead of stopping at the first. Properties describe their counterexamples with
 * these (SuiteProperty.dataSchema) so that `uapi replay` refuses a damaged file before running it.
 */

export type DataPath = readonly (string | number)[];

export interface DataProblem {
  readonly path: DataPath;
  readonly message: string;
}

export type Check = (v: unknown, path: DataPath, out: DataProblem[]) => void;

const shown = (v: unknown): string => (typeof v === 'bigint' ? `${v}n` : v === undefined ? 'nothing' : Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v === 'object' ? 'an object' : JSON.stringify(v));

export const checkData = (c: Check, v: unknown, path: DataPath = []): DataProblem[] => {
  const out: DataProblem[] = [];
  c(v, path, out);
  return out;
};

/** An integer (a JSON number) in [min, max]. */
export const int = (min: number, max: number): Check => (v, path, out) => {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) out.push({ path, message: `an integer is expected, not ${shown(v)}` });
  else if (v < min || v > max) out.push({ path, message: `${v} is out of range: ${min}..${max}` });
};

/** A bigint (`{"$bigint": "..."}`) in [min, max]. */
export const big = (min: bigint, max: bigint): Check => (v, path, out) => {
  if (typeof v !== 'bigint') out.push({ path, message: `an integer ({"$bigint": "..."}) is expected, not ${shown(v)}` });
  else if (v < min || v > max) out.push({ path, message: `${v} is out of range: ${min}..${max}` });
};

export const bool: Check = (v, path, out) => {
  if (typeof v !== 'boolean') out.push({ path, message: `true or false is expected, not ${shown(v)}` });
};

export const str: Check = (v, path, out) => {
  if (typeof v !== 'string') out.push({ path, message: `a string is expected, not ${shown(v)}` });
};

export const literal = (...values: readonly (string | number)[]): Check => (v, path, out) => {
  if (!values.includes(v as string | number)) out.push({ path, message: `one of ${values.map((x) => JSON.stringify(x)).join(', ')} is expected, not ${shown(v)}` });
};

export const nullable = (c: Check): Check => (v, path, out) => {
  if (v !== null) c(v, path, out);
};

export const arrayOf = (c: Check, maxLength = 10_000): Check => (v, path, out) => {
  if (!Array.isArray(v)) { out.push({ path, message: `an array is expected, not ${shown(v)}` }); return; }
  if (v.length > maxLength) { out.push({ path, message: `${v.length} elements: at most ${maxLength}` }); return; }
  v.forEach((x, i) => c(x, [...path, i], out));
};

/** An object with exactly these keys (those in `optional` may be absent); any other key is an error. */
export const object = (fields: Readonly<Record<string, Check>>, optional: readonly string[] = []): Check => (v, path, out) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) { out.push({ path, message: `an object is expected, not ${shown(v)}` }); return; }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!(k in fields)) out.push({ path: [...path, k], message: `unknown key (known: ${Object.keys(fields).join(', ')})` });
  for (const [k, c] of Object.entries(fields)) {
    if (o[k] === undefined) {
      if (!optional.includes(k)) out.push({ path: [...path, k], message: 'is missing' });
      continue;
    }
    c(o[k], [...path, k], out);
  }
};

/** An object whose `key` names which of `cases` it is. */
export const tagged = (key: string, cases: Readonly<Record<string, Check>>): Check => (v, path, out) => {
  const tag = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  const c = typeof tag === 'string' ? cases[tag] : undefined;
  if (c === undefined) { out.push({ path: [...path, key], message: `one of ${Object.keys(cases).join(', ')} is expected, not ${shown(tag)}` }); return; }
  c(v, path, out);
};

/** A check that depends on the value (the record an argument names picks its fields). */
export const lazy = (f: (v: unknown) => Check): Check => (v, path, out) => f(v)(v, path, out);
