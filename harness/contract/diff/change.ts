/**
 * How bad a change is (design doc contract). `hazard` sits between the proven breaks and the rest: it
 * breaks old binaries only under a condition the input cannot show (how the driver dispatches, whether
 * old kernels rejected non-zero reserved bytes), and its message names that condition.
 */
export type Level = 'abi-break' | 'value-break' | 'behavior-break' | 'hazard' | 'source-break' | 'compatible' | 'info';

export const LEVELS: readonly Level[] = ['abi-break', 'value-break', 'behavior-break', 'hazard', 'source-break', 'compatible', 'info'];

/** Levels that make a verdict `breaking` under the kernel policy. */
export const BREAKING_LEVELS: ReadonlySet<Level> = new Set<Level>(['abi-break', 'value-break', 'behavior-break']);

export type Verdict = 'identical' | 'compatible' | 'source-breaking' | 'breaking';

export type ChangeValue = number | bigint | string | boolean | null;

export interface ChangeLocation {
  readonly file: string;
  readonly line: number;
  readonly col?: number;
  /** For a spec imported from a header (`file` is the header): the spec file's line of the declaration. */
  readonly spec?: { readonly file: string; readonly line: number; readonly col: number };
}

/** One classified difference between two versions of a uAPI (design doc `uapi diff` JSON). */
export interface Change {
  readonly rule: string;
  readonly level: Level;
  /** `struct hl_cb_in.cb_size`, `ioctl DRM_IOCTL_HL_CS`, `constant HL_INFO_X`, ... */
  readonly subject: string;
  /** ABIs on which the change shows (all compared ABIs for ABI-independent values). */
  readonly abis: readonly string[];
  readonly old: ChangeValue;
  readonly new: ChangeValue;
  readonly message: string;
  readonly location?: ChangeLocation;
  /** Set when an accepted-changes entry covers this change. */
  readonly waived?: boolean;
  readonly reason?: string;
  /** Set when the version policy allows this break (semver policy with a major bump). */
  readonly allowedByPolicy?: boolean;
}

export interface DiffResult {
  readonly verdict: Verdict;
  /** Hazards that are neither waived nor allowed (they make the verdict breaking only with `strict`). */
  readonly hazards: number;
  /** `--strict`: hazards count as breaks. */
  readonly strict: boolean;
  readonly old: string;
  readonly new: string;
  readonly policy: 'kernel' | 'semver';
  readonly abis: readonly string[];
  readonly changes: readonly Change[];
}
