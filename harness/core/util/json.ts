/**
 * JSON text for values that may hold bigints. Bigints are written as plain JSON numbers with every
 * digit (JSON numbers have no size limit; readers that parse into doubles lose precision only above
 * 2^53, and the text stays exact). `undefined` object properties are left out, as JSON.stringify does.
 */
export function toJson(value: unknown, indent = 2): string {
  const pad = (depth: number): string => (indent > 0 ? '\n' + ' '.repeat(indent * depth) : '');
  const sep = indent > 0 ? ': ' : ':';
  const write = (v: unknown, depth: number): string | undefined => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'bigint': return v.toString();
      case 'number': return Number.isFinite(v) ? String(v) : 'null';
      case 'string': return JSON.stringify(v);
      case 'boolean': return v ? 'true' : 'false';
      case 'undefined': case 'function': case 'symbol': return undefined;
      default: break;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      const items = v.map((x) => write(x, depth + 1) ?? 'null');
      return `[${items.map((x) => pad(depth + 1) + x).join(',')}${pad(depth)}]`;
    }
    const entries: string[] = [];
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const s = write(x, depth + 1);
      if (s !== undefined) entries.push(`${pad(depth + 1)}${JSON.stringify(k)}${sep}${s}`);
    }
    return entries.length === 0 ? '{}' : `{${entries.join(',')}${pad(depth)}}`;
  };
  return write(value, 0) ?? 'null';
}
