import { issue, type Issue } from '../diagnostics/issue';

/**
 * A value the codec cannot encode, as an issue: `path` names the field the way C would
 * (`hl_cs_in.num_chunks_restore`, `hl_info_hw_idle.busy_engines_mask_ext[2]`), `message` says why
 * (`4294967296 does not fit __u32`).
 */
export type CodecError = Issue;

/** Stable codes of codec issues. */
export const CODEC_CODES = {
  range: 'CODEC_RANGE',
  kind: 'CODEC_VALUE_KIND',
  shape: 'CODEC_SHAPE',
  short: 'CODEC_SHORT_BUFFER',
} as const;

/** `path: message`, as a user reads a codec error. */
export function formatCodecError(e: CodecError): string {
  return `${e.path}: ${e.message}`;
}

export function describeValue(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

export function rangeError(path: string, value: unknown, typeName: string): CodecError {
  if ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint') {
    return issue(CODEC_CODES.range, path, `${value} does not fit ${typeName}`);
  }
  if (typeof value === 'number') return issue(CODEC_CODES.range, path, `${value} is not an integer (${typeName})`);
  return issue(CODEC_CODES.kind, path, `expected a number or bigint for ${typeName}, got ${describeValue(value)}`);
}

export function shapeError(path: string, value: unknown, expected: string): CodecError {
  return issue(CODEC_CODES.shape, path, `expected ${expected}, got ${describeValue(value)}`);
}
