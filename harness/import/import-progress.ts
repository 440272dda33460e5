/**
 * What a running header import is doing, for a progress line. The import reports its steps here and
 * a listener, if one is installed (the CLI's, on a terminal), shows them; with none installed a
 * report costs a lookup. A hook rather than a parameter: imports run deep under layout, diff,
 * check-tree and import alike, and only the command line decides whether anyone watches.
 */
export interface ImportProgressListener {
  /** `header` (as the user named it) is now at `step` (`clang x86_64`); the first step starts its import. */
  step(header: string, step: string): void;
  /** The import of `header` is over (finished or failed). */
  end(header: string): void;
}

let listener: ImportProgressListener | undefined;

/** Installs `l` until the returned function is called (the previous listener comes back then). */
export function watchImportProgress(l: ImportProgressListener): () => void {
  const previous = listener;
  listener = l;
  return () => {
    listener = previous;
  };
}

export function reportImportStep(header: string, step: string): void {
  listener?.step(header, step);
}

export function reportImportEnd(header: string): void {
  listener?.end(header);
}
