/**
 * JSON for counterexamples: plain data whose integers may be bigints. A bigint is written as
 * `{"$bigint": "123"}` so that it reads back as a bigint (a JSON number would come back as a
 * double and lose the handle or address it was).
 */
export function dataToJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v), indent);
}

/** Parses {@link dataToJson} text (or an already parsed value) back into data with bigints. */
export function dataFromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dataFromJson);
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$bigint' && typeof o['$bigint'] === 'string') return BigInt(o['$bigint']);
    return Object.fromEntries(keys.map((k) => [k, dataFromJson(o[k])]));
  }
  return value;
}
