import * as fs from 'node:fs';
import * as path from 'node:path';
import { MUTATION_IDS } from '../../../../emulator/mutations';
import type { BackendName } from '../../../core/boundary/process';
import { issue, type Issue } from '../../../core/diagnostics/issue';
import { abiNames } from '../../../core/layout/abi';
import type { SourceLoc } from '../../../core/model/model';
import { parseLocatedJson, type JsonPath } from '../../../core/util/json-file';
import { readInputText } from '../../../core/util/read-input';
import { arrayOf, checkData, int, literal, object, str, type Check, type DataPath, type DataProblem } from '../data/data-schema';
import { SUITE } from '../properties/catalogue';
import type { SuiteContext } from '../properties/suite-property';
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
  /** Where it ran: an emulated device, or the running kernel through the native executor (absent in older files: emulated). */
  readonly backend?: BackendName;
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

export function failureOf(o: PropertyOutcome, spec: string, mutations: readonly string[], backend: BackendName = 'emulated'): FailureFile {
  return {
    format: FAILURE_FORMAT, property: o.id, spec, abi: o.abi, ...(o.mirror !== undefined ? { mirror: o.mirror } : {}), backend, mutations,
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

const PATH = /^\d+(:\d+)*$/;
const shrinkPath: Check = (v, path, out) => {
  if (typeof v !== 'string' || !PATH.test(v)) out.push({ path, message: `a fast-check path such as "0:1:3" is expected, not ${JSON.stringify(v)}` });
};

/** Every key of a failure file besides the counterexample, which its property checks (dataSchema). */
const failureSchema: Check = object({
  format: literal(FAILURE_FORMAT),
  property: literal(...SUITE.map((p) => p.id)),
  spec: str,
  abi: literal(...abiNames()),
  mirror: literal(...abiNames()),
  backend: literal('emulated', 'native'),
  mutations: arrayOf(literal(...MUTATION_IDS), MUTATION_IDS.length),
  seed: int(-(2 ** 31), 2 ** 31 - 1),
  path: shrinkPath,
  replayPath: str,
  rule: str,
  message: str,
  counterexample: () => undefined,
  note: str,
}, ['mirror', 'backend', 'path', 'replayPath', 'rule', 'message', 'counterexample', 'note']);

/** A failure file as read: the failure, and where each of its keys is (for later checks' messages). */
export interface ReadFailure {
  readonly failure?: FailureFile;
  readonly issues: Issue[];
  readonly locate?: (p: JsonPath) => SourceLoc;
}

const dotted = (p: DataPath): string => p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '');

/** Data problems as issues at their line in the failure file, each naming its key. */
export function failureIssues(problems: readonly DataProblem[], shown: string, locate: (p: JsonPath) => SourceLoc): Issue[] {
  return problems.map((x) => issue('PBT_FAILURE_FILE', dotted(x.path) || shown, x.message, locate(x.path)));
}

/**
 * Reads a failure file and checks everything in it but the counterexample: the format, a property
 * of the suite, known ABIs (a mirror exactly for a pair-wise property), known mutations, a 32-bit
 * seed, a fast-check path, and no other key. Every problem is an issue at its line, naming the key.
 */
export function readFailureFile(file: string, shown: string = file): ReadFailure {
  const read = readInputText(file);
  if (read.text === undefined) return { issues: [issue('PBT_FAILURE_FILE', shown, read.problem ?? 'cannot read', { file: shown, line: 1, col: 1 })] };
  const parsed = parseLocatedJson(read.text, shown);
  if (parsed.json === undefined) {
    const e = parsed.error as { message: string; loc: SourceLoc };
    return { issues: [issue('PBT_FAILURE_FILE', shown, e.message, e.loc)] };
  }
  const { locate } = parsed.json;
  const raw = dataFromJson(parsed.json.value);
  const problems = checkData(failureSchema, raw);
  if (problems.length === 0) {
    const f = raw as FailureFile;
    const pairwise = SUITE.find((p) => p.id === f.property)?.abis === 'pair';
    if (pairwise && f.mirror === undefined) problems.push({ path: ['mirror'], message: `${f.property} compares two ABIs: the failure file must name the mirror ABI` });
    if (!pairwise && f.mirror !== undefined) problems.push({ path: ['mirror'], message: `${f.property} runs on one ABI: a mirror ABI means nothing for it` });
  }
  if (problems.length > 0) return { issues: failureIssues(problems, shown, locate), locate };
  return { failure: raw as FailureFile, issues: [], locate };
}

/**
 * Checks a failure's counterexample against its property's data schema, for the client spec it will
 * replay with (every ioctl, record, field, value in range for its field, choice the property knows).
 */
export function checkCounterexample(f: FailureFile, ctx: SuiteContext, shown: string, locate: (p: JsonPath) => SourceLoc): Issue[] {
  const p = SUITE.find((x) => x.id === f.property);
  if (p === undefined || f.counterexample === undefined) return [];
  return failureIssues(checkData(p.dataSchema(ctx), f.counterexample, ['counterexample']), shown, locate);
}
