import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../diagnostics/issue';
import type { PropertyOutcome } from './run-property';
import { dataFromJson, dataToJson } from './data-json';

export const FAILURE_FORMAT = 'uapi-pbt-failure/1';

/**
 * Everything needed to reproduce one failure exactly: the property and its context (ABI, mirror ABI,
 * emulator mutations), fast-check's seed, shrink path and replay path, and the shrunk counterexample
 * itself as data (which replays even after the generators change). The regression corpus is a folder
 * of these.
 */
export interface FailureFile {
  readonly format: typeof FAILURE_FORMAT;
  readonly property: string;
  readonly spec: string;
  readonly abi: string;
  readonly mirror?: string;
  readonly mutations: readonly string[];
  readonly seed: number;
  readonly path?: string;
  readonly replayPath?: string;
  readonly rule?: string;
  readonly message?: string;
  readonly counterexample?: unknown;
  /** Where it was found and why it is kept (corpus entries). */
  readonly note?: string;
}

export function failureOf(o: PropertyOutcome, spec: string, mutations: readonly string[]): FailureFile {
  return {
    format: FAILURE_FORMAT, property: o.id, spec, abi: o.abi, ...(o.mirror !== undefined ? { mirror: o.mirror } : {}), mutations,
    seed: o.seed, ...(o.path !== undefined ? { path: o.path } : {}), ...(o.replayPath !== undefined ? { replayPath: o.replayPath } : {}),
    ...(o.rule !== undefined ? { rule: o.rule } : {}), ...(o.message !== undefined ? { message: o.message } : {}),
    ...(o.counterexample !== undefined ? { counterexample: o.counterexample } : {}),
  };
}

/**
 * A file name for a failure: property, ABI and mutations in words, then a hash of the counterexample
 * (two failures of one property are two files; the same failure found twice is one).
 */
export function failureFileName(f: FailureFile): string {
  const slug = [f.property, f.abi, f.mirror, ...f.mutations].filter((x) => x !== undefined).join('-').replace(/[^A-Za-z0-9_-]+/g, '-');
  const what = dataToJson(f.counterexample ?? { seed: f.seed, path: f.path ?? '' }, 0);
  let h = 0x811c9dc5;
  for (let i = 0; i < what.length; i++) h = Math.imul(h ^ what.charCodeAt(i), 0x01000193);
  return `${slug}-${(h >>> 0).toString(16).padStart(8, '0')}.json`;
}

export function writeFailureFile(dir: string, f: FailureFile): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, failureFileName(f));
  fs.writeFileSync(file, dataToJson(f) + '\n');
  return file;
}

/** Reads a failure file; problems come back as issues naming the file. */
export function readFailureFile(file: string): { failure?: FailureFile; issues: Issue[] } {
  let raw: unknown;
  try {
    raw = dataFromJson(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (e) {
    return { issues: [issue('PBT_FAILURE_FILE', file, `cannot read a failure file: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  const o = raw as Partial<FailureFile> | null;
  const bad = (why: string): { issues: Issue[] } => ({ issues: [issue('PBT_FAILURE_FILE', file, why)] });
  if (o === null || typeof o !== 'object' || o.format !== FAILURE_FORMAT) return bad(`not a failure file (format must be ${FAILURE_FORMAT})`);
  if (typeof o.property !== 'string' || typeof o.abi !== 'string' || typeof o.seed !== 'number') return bad('property, abi and seed are required');
  return { failure: { ...(o as FailureFile), mutations: Array.isArray(o.mutations) ? o.mutations : [] }, issues: [] };
}
