import type { SourceLoc } from '../model';

/**
 * A DSL builder given something it cannot build from (a number where a field goes, a string for
 * the list of ioctls). Thrown while the spec module loads, it carries the spec-file line of the call
 * that got the wrong value; the loader turns it into an issue there.
 */
export class DslError extends Error {
  readonly loc: SourceLoc | undefined;
  readonly subject: string;
  constructor(subject: string, message: string, loc: SourceLoc | undefined) {
    super(message);
    this.name = 'DslError';
    this.subject = subject;
    this.loc = loc;
  }
}

/** A value as a message shows it: its type and, for short ones, the value itself. */
export function described(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return `an object (${Object.keys(v).slice(0, 4).join(', ') || 'no keys'})`;
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}
