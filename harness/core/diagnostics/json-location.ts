import type { SourceLoc } from '../model/model';

/** A location as JSON outputs (diff changes, lint findings, reports) carry it. */
export interface JsonLocation {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  /** For a spec imported from a header (`file` is the header): where the spec file writes the declaration. */
  readonly spec?: { readonly file: string; readonly line: number; readonly col: number };
}

/** The header line first (or the spec line for a hand-written spec), the spec's line beside it when imported. */
export function jsonLocation(loc: SourceLoc): JsonLocation {
  const spec = loc.spec !== undefined ? { spec: { file: loc.spec.file, line: loc.spec.line, col: loc.spec.col } } : {};
  return { file: loc.file, line: loc.line, col: loc.col, ...spec };
}
