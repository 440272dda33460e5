import * as fs from 'node:fs';
import * as path from 'node:path';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import { findAbi } from '../../harness/core/layout/abi';
import { isKernelSeries } from '../../harness/frontend/kernel-headers';

/** The committed judgments, beside the sources (`bench/real-history/judged/`). */
export const JUDGED_DIR = path.resolve(__dirname, '..', '..', '..', 'bench', 'real-history', 'judged');

export type BreakLevel = 'abi-break' | 'value-break' | 'behavior-break';
const BREAK_LEVELS: readonly string[] = ['abi-break', 'value-break', 'behavior-break'];

/** What a person decided about one subject (see notes/corpus-format.md; `*` ends a prefix). */
export interface JudgedEntry {
  readonly kind: 'break' | 'debatable' | 'notBreak';
  readonly subject: string;
  readonly reason: string;
  /** Breaks only: the level it breaks at. */
  readonly level?: BreakLevel;
  /** The ABIs it is judged on; undefined = every ABI. */
  readonly abis?: readonly string[];
}

/** One judged pair of one header: every entry, whichever list it came from. */
export interface JudgedPair {
  readonly header: string;
  readonly old: string;
  readonly new: string;
  readonly entries: readonly JudgedEntry[];
  /** The judged file, for people. */
  readonly file: string;
}

/** `linux/kvm.h` → `linux-kvm.json`, the judged file's name. */
export function judgedFileName(header: string): string {
  return `${header.replace(/\.h$/, '').replace(/\//g, '-')}.json`;
}

export const pairKey = (header: string, old: string, now: string): string => `${header} ${old}->${now}`;

type Raw = Record<string, unknown>;

function readEntries(file: string, where: string, kind: JudgedEntry['kind'], list: unknown, issues: Issue[]): JudgedEntry[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    issues.push(issue('JUDGED_FORMAT', file, `${where}: must be a list`));
    return [];
  }
  const out: JudgedEntry[] = [];
  for (const [i, e] of (list as Raw[]).entries()) {
    const at = `${where}[${i}]`;
    if (typeof e !== 'object' || e === null || typeof e['subject'] !== 'string' || e['subject'] === '') {
      issues.push(issue('JUDGED_FORMAT', file, `${at}: needs a subject`));
      continue;
    }
    const reason = e['reason'];
    if (typeof reason !== 'string' || reason.trim() === '' || reason.includes('\n')) issues.push(issue('JUDGED_FORMAT', file, `${at} (${e['subject']}): needs a one-line reason`));
    const level = e['level'];
    if (kind === 'break' && (typeof level !== 'string' || !BREAK_LEVELS.includes(level))) issues.push(issue('JUDGED_FORMAT', file, `${at} (${e['subject']}): level must be one of ${BREAK_LEVELS.join(', ')}`));
    const abis = e['abis'];
    if (abis !== undefined && (!Array.isArray(abis) || abis.length === 0 || !abis.every((a) => typeof a === 'string' && findAbi(a) !== undefined))) {
      issues.push(issue('JUDGED_FORMAT', file, `${at} (${e['subject']}): abis must be a non-empty list of ABI names`));
    }
    out.push({
      kind,
      subject: e['subject'],
      reason: typeof reason === 'string' ? reason : '',
      ...(kind === 'break' && typeof level === 'string' ? { level: level as BreakLevel } : {}),
      ...(Array.isArray(abis) ? { abis: abis as string[] } : {}),
    });
  }
  return out;
}

/** Reads one judged file; problems (shape, a subject judged twice in one pair) are issues. */
export function readJudgedFile(file: string): { pairs: JudgedPair[]; issues: Issue[] } {
  const issues: Issue[] = [];
  let data: Raw;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as Raw;
  } catch (e) {
    return { pairs: [], issues: [issue('JUDGED_FORMAT', file, (e as Error).message)] };
  }
  const header = data['header'];
  if (typeof header !== 'string' || judgedFileName(header) !== path.basename(file)) {
    return { pairs: [], issues: [issue('JUDGED_FORMAT', file, `"header" must name the header this file is named after (${path.basename(file)})`)] };
  }
  const pairs: JudgedPair[] = [];
  for (const [i, p] of (Array.isArray(data['pairs']) ? (data['pairs'] as Raw[]) : []).entries()) {
    const old = String(p['old']);
    const now = String(p['new']);
    if (!isKernelSeries(old) || !isKernelSeries(now)) {
      issues.push(issue('JUDGED_FORMAT', file, `pairs[${i}]: old and new must be kernel series (5.10, 6.1, 6.12, 7.2)`));
      continue;
    }
    const where = `pairs[${i}] (${old}->${now})`;
    const entries = [
      ...readEntries(file, `${where}.breaks`, 'break', p['breaks'], issues),
      ...readEntries(file, `${where}.debatable`, 'debatable', p['debatable'], issues),
      ...readEntries(file, `${where}.notBreaks`, 'notBreak', p['notBreaks'], issues),
    ];
    const seen = new Map<string, string>();
    for (const e of entries) {
      const key = `${e.subject} ${(e.abis ?? []).join(',')}`;
      if (seen.has(key)) issues.push(issue('JUDGED_FORMAT', file, `${where}: ${e.subject} is judged twice (${seen.get(key) ?? ''} and ${e.kind})`));
      seen.set(key, e.kind);
    }
    if (pairs.some((q) => q.old === old && q.new === now)) issues.push(issue('JUDGED_FORMAT', file, `${where}: this pair is judged twice`));
    pairs.push({ header, old, new: now, entries, file });
  }
  if (!Array.isArray(data['pairs'])) issues.push(issue('JUDGED_FORMAT', file, 'needs "pairs", a list'));
  return { pairs, issues };
}

/** Every judged pair of every `*.json` in `dir`, by {@link pairKey}; a missing folder holds none. */
export function readJudgedDir(dir: string = JUDGED_DIR): { pairs: Map<string, JudgedPair>; issues: Issue[] } {
  const pairs = new Map<string, JudgedPair>();
  const issues: Issue[] = [];
  if (!fs.existsSync(dir)) return { pairs, issues };
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const r = readJudgedFile(path.join(dir, name));
    issues.push(...r.issues);
    for (const p of r.pairs) pairs.set(pairKey(p.header, p.old, p.new), p);
  }
  return { pairs, issues };
}
