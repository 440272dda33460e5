import type { SourceLoc } from '../model/model';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in user input, as a value. Everything that reads specs, headers, configuration or
 * arguments collects these instead of throwing, so that a user sees every problem at once.
 */
export interface Issue {
  /** Stable code, e.g. `SPEC_UNKNOWN_TYPE`. */
  readonly code: string;
  readonly severity: Severity;
  /** Path inside the uAPI, e.g. `struct hl_cs_in.flags`, or `ioctl DRM_IOCTL_HL_CS`. */
  readonly path: string;
  readonly message: string;
  readonly loc?: SourceLoc;
}

export function issue(code: string, path: string, message: string, loc?: SourceLoc, severity: Severity = 'error'): Issue {
  return loc === undefined ? { code, severity, path, message } : { code, severity, path, message, loc };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
