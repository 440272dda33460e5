import { issue, type Issue } from '../../core/diagnostics/issue';
import type { SourceLoc } from '../../core/model/model';

export interface ClangDiagnostic {
  readonly severity: 'error' | 'warning' | 'note';
  readonly message: string;
  readonly loc?: SourceLoc;
  /** Notes that follow it (`expanded from macro ...`, `previous definition is here`). */
  readonly notes: readonly ClangDiagnostic[];
}

const LOCATED = /^(.+?):(\d+):(\d+): (fatal error|error|warning|note): (.*)$/;
const UNLOCATED = /^(?:\S*clang\S*: )?(fatal error|error|warning|note): (.*)$/;

/** Reads clang's stderr (`-fno-caret-diagnostics`) into diagnostics, notes attached to their parent. */
export function parseDiagnostics(stderr: string): ClangDiagnostic[] {
  const out: { severity: ClangDiagnostic['severity']; message: string; loc?: SourceLoc; notes: ClangDiagnostic[] }[] = [];
  for (const line of stderr.split('\n')) {
    let severity: string;
    let message: string;
    let loc: SourceLoc | undefined;
    const m = LOCATED.exec(line);
    if (m !== null) {
      loc = { file: m[1] as string, line: Number(m[2]), col: Number(m[3]) };
      severity = m[4] as string;
      message = m[5] as string;
    } else {
      const u = UNLOCATED.exec(line);
      if (u === null) continue;
      severity = u[1] as string;
      message = u[2] as string;
    }
    const sev = severity === 'fatal error' ? 'error' : (severity as ClangDiagnostic['severity']);
    const d = { severity: sev, message, ...(loc !== undefined ? { loc } : {}), notes: [] as ClangDiagnostic[] };
    const parent = out[out.length - 1];
    if (sev === 'note' && parent !== undefined) parent.notes.push(d);
    else out.push(d);
  }
  return out;
}

/** A clang error as an issue: `file:line:col: error CLANG_ERROR: message`, notes appended. */
export function diagnosticIssue(d: ClangDiagnostic, path: string, code = 'CLANG_ERROR'): Issue {
  const notes = d.notes
    .filter((n) => n.loc !== undefined)
    .map((n) => `\n  ${n.loc?.file}:${n.loc?.line}:${n.loc?.col}: note: ${n.message}`)
    .join('');
  return issue(code, path, `${d.message}${notes}`, d.loc, d.severity === 'error' ? 'error' : 'warning');
}
