import type { Severity } from '../../core/diagnostics/issue';
import type { SourceLoc } from '../../core/model/model';

export type LintSeverity = Severity;

/** One problem a lint rule found in a uAPI, as a value. */
export interface Finding {
  /** The rule's stable id: `S1` ... `S15`, or `waivers` for problems with the waivers themselves. */
  readonly rule: string;
  readonly severity: LintSeverity;
  /** Path inside the uAPI: `struct hl_cs_in.flags`, `ioctl DRM_IOCTL_HL_CS`, `header habanalabs.h`. */
  readonly subject: string;
  readonly message: string;
  readonly loc?: SourceLoc;
  /** The ABIs where the finding holds, when it does not hold on every ABI that was checked. */
  readonly abis?: readonly string[];
  /** A waiver on the type accepted it: kept in the output, not counted as a failure. */
  readonly waived?: true;
  /** The waiver's reason. */
  readonly reason?: string;
}

/** Whether the findings fail a lint run: any unwaived error. */
export function lintFailed(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error' && f.waived !== true);
}

export interface LintSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly info: number;
  readonly waived: number;
  readonly failed: boolean;
}

export function lintSummary(findings: readonly Finding[]): LintSummary {
  const open = findings.filter((f) => f.waived !== true);
  return {
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    info: open.filter((f) => f.severity === 'info').length,
    waived: findings.length - open.length,
    failed: lintFailed(findings),
  };
}
