/**
 * What long work (a header import) is doing, for a progress line. The work reports its steps here
 * and a listener, if one is installed (the CLI's, on a terminal), shows them; with none installed a
 * report costs a lookup. A hook rather than a parameter: imports run deep under layout, diff,
 * check-tree and import alike, and only the command line decides whether anyone watches.
 */
export interface ProgressListener {
  /** `subject` (a header, as the user named it) is now at `step` (`clang x86_64`); its first step starts it. */
  step(subject: string, step: string): void;
  /** The work on `subject` is over (finished or failed). */
  end(subject: string): void;
  /**
   * Work that holds the event loop (the WebAssembly clang computes on the main thread, so no timer
   * fires meanwhile) says it is still going: the only moment a listener can redraw.
   */
  alive(): void;
}

let listener: ProgressListener | undefined;

/** Installs `l` until the returned function is called (the previous listener comes back then). */
export function watchProgress(l: ProgressListener): () => void {
  const previous = listener;
  listener = l;
  return () => {
    listener = previous;
  };
}

export function reportStep(subject: string, step: string): void {
  listener?.step(subject, step);
}

export function reportEnd(subject: string): void {
  listener?.end(subject);
}

export function reportAlive(): void {
  listener?.alive();
}
