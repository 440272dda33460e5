/**
 * What every report writer consumes: a list of located results, each with a level, produced by lint,
 * diff or check. Writers are pure functions `(report) => string`, one file per format, so that any
 * command can offer every format by building one of these.
 */
import type { RegisteredRule } from '../core/rules/registered-rule';

/** How a result gates and how annotations show it. Commands map their own levels onto these. */
export type ReportLevel = 'error' | 'warning' | 'info';

export const REPORT_LEVELS: readonly ReportLevel[] = ['error', 'warning', 'info'];

/** A position in a file; `line` and `col` are 1-based and may be unknown. */
export interface ReportLocation {
  readonly file: string;
  readonly line?: number;
  readonly col?: number;
  /** For a spec imported from a header (`file` is the header): where the spec file writes it. */
  readonly spec?: ReportLocation;
}

export interface ReportItem {
  /** Stable rule id as users see it: `S2/no-implicit-padding`, `FIELD_OFFSET_CHANGED`. */
  readonly rule: string;
  readonly level: ReportLevel;
  /** The command's own word for the level when it has one (`abi-break`); writers show it instead of `level`. */
  readonly label?: string;
  /** Path inside the uAPI: `struct hl_cs_in.flags`, `ioctl DRM_IOCTL_HL_CS`. */
  readonly subject: string;
  readonly message: string;
  readonly location?: ReportLocation;
  /** The ABIs where the result holds, when it does not hold on every ABI covered. */
  readonly abis?: readonly string[];
  /** Set when a reviewed waiver accepts the result: the waiver's reason. Waived results never fail. */
  readonly waived?: string;
}

export interface Report {
  /** What ran on what: `uapi lint habanalabs 1.0.0`. */
  readonly title: string;
  /** The command's verdict word: `passed`, `failed`, `breaking`, `compatible`... */
  readonly verdict: string;
  /** Whether the run fails the build (exit code 1). */
  readonly failed: boolean;
  readonly items: readonly ReportItem[];
  /** Every rule that ran, so that formats listing checks (JUnit) can show the ones that passed. */
  readonly checks?: readonly string[];
  /** What the rules items may name mean (id, level, purpose), for formats that describe rules (SARIF). */
  readonly rules?: readonly RegisteredRule[];
  /** The file the report is about (the spec or header given): where items without a location of their own are placed (SARIF). */
  readonly source?: string;
}

/** Unwaived items per level, and waived ones, for summary lines. */
export interface ReportCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly waived: number;
}

export function countItems(items: readonly ReportItem[]): ReportCounts {
  const counts = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const i of items) {
    if (i.waived !== undefined) counts.waived++;
    else counts[i.level]++;
  }
  return counts;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning, 0 info, 1 waived`. */
export function countsLine(c: ReportCounts): string {
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info, ${c.waived} waived`;
}

/** `file:line:col`, as much of it as is known. */
export function locationText(l: ReportLocation): string {
  if (l.line === undefined) return l.file;
  return l.col === undefined ? `${l.file}:${l.line}` : `${l.file}:${l.line}:${l.col}`;
}

/** The message with the ABIs it is limited to, when it is: `... (on i386, arm)`. */
export function messageWithAbis(i: ReportItem): string {
  return i.abis !== undefined && i.abis.length > 0 ? `${i.message} (on ${i.abis.join(', ')})` : i.message;
}
