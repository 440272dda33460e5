import { jsonLocation } from '../../core/diagnostics/json-location';
import type { Spec } from '../../core/model/model';
import { lintSummary, type Finding, type LintSummary } from './finding';

export interface LintJsonFinding {
  readonly rule: string;
  readonly severity: string;
  readonly subject: string;
  readonly message: string;
  readonly location?: { readonly file: string; readonly line: number; readonly col: number };
  readonly abis?: readonly string[];
  readonly waived?: true;
  readonly reason?: string;
}

/** `uapi lint --format json`. */
export interface LintJson {
  readonly uapi: { readonly name: string; readonly version: string };
  readonly findings: readonly LintJsonFinding[];
  readonly summary: LintSummary;
}

export function lintJson(spec: Pick<Spec, 'name' | 'version'>, findings: readonly Finding[]): LintJson {
  return {
    uapi: { name: spec.name, version: spec.version },
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      subject: f.subject,
      message: f.message,
      ...(f.loc !== undefined ? { location: jsonLocation(f.loc) } : {}),
      ...(f.abis !== undefined ? { abis: f.abis } : {}),
      ...(f.waived === true ? { waived: true as const, reason: f.reason ?? '' } : {}),
    })),
    summary: lintSummary(findings),
  };
}
