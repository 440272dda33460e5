import * as fs from 'node:fs';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { TRACE_FORMAT, type Trace } from './trace-format';

/**
 * The trace as text: the header fields indented as usual, then one session and one step per line,
 * so that a diff of two traces (or a look at one) reads call by call.
 */
export function traceText(trace: Trace): string {
  const { sessions, steps, ...header } = trace;
  const head = JSON.stringify(header, null, 2).replace(/\n}$/, '');
  const lines = (xs: readonly unknown[]): string => xs.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return `${head},\n  "sessions": [\n${lines(sessions)}\n  ],\n  "steps": [\n${lines(steps)}\n  ]\n}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a trace file's shape; issues name the file (the steps themselves are checked as they replay). */
export function readTrace(file: string): { trace?: Trace; issues: Issue[] } {
  const at = { file, line: 1, col: 1 };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { issues: [issue('TRACE_READ', file, `cannot read the trace: ${(e as Error).message}`, at)] };
  }
  if (!isObject(json) || json['format'] !== TRACE_FORMAT) {
    return { issues: [issue('TRACE_FORMAT', file, `not a trace of format ${TRACE_FORMAT}`, at)] };
  }
  const problems: string[] = [];
  for (const k of ['uapi', 'version', 'recordedOn']) if (typeof json[k] !== 'string') problems.push(`"${k}" must be a string`);
  for (const k of ['seed', 'runs', 'ioctls']) if (typeof json[k] !== 'number') problems.push(`"${k}" must be a number`);
  for (const k of ['properties', 'abis', 'sessions', 'steps']) if (!Array.isArray(json[k])) problems.push(`"${k}" must be an array`);
  const sessions = Array.isArray(json['sessions']) ? json['sessions'] : [];
  const count = Array.isArray(json['steps']) ? json['steps'].length : 0;
  sessions.forEach((s: unknown, i) => {
    if (!isObject(s) || typeof s['abi'] !== 'string' || typeof s['processes'] !== 'number' || !Array.isArray(s['steps'])) {
      problems.push(`sessions[${i}] needs "abi", "processes" and "steps"`);
    } else if (!s['steps'].every((n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < count)) {
      problems.push(`sessions[${i}] refers to a step that is not in "steps"`);
    }
  });
  if (problems.length > 0) return { issues: problems.map((p) => issue('TRACE_FORMAT', file, p, at)) };
  return { trace: json as unknown as Trace, issues: [] };
}
