import { watchProgress } from '../core/util/work-progress';
import type { OptionValues } from './command';

/** Where the line goes: `process.stderr`, or in tests an object that records what is written. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** Terminal width; the line is cut to fit so that `\r` always returns to its start. */
  readonly columns?: number;
  write(text: string): unknown;
}

/** Time and timers, injected so that tests step a fake clock instead of waiting. */
export interface ProgressClock {
  now(): number;
  every(ms: number, f: () => void): { stop(): void };
}

export interface ImportProgressOptions {
  /** An import shorter than this shows nothing (default 2000 ms). */
  readonly delayMs?: number;
  readonly clock?: ProgressClock;
}

/** Machine-readable output (`--format json`, SARIF, ...) and `-q` get no progress line, even on a terminal. */
export function progressWanted(values: OptionValues): boolean {
  const format = values['format'];
  return (format === undefined || format === 'text') && values['quiet'] !== true;
}

const systemClock: ProgressClock = {
  now: () => Date.now(),
  every(ms, f) {
    const t = setInterval(f, ms);
    // A progress line never keeps the process alive.
    t.unref();
    return { stop: () => clearInterval(t) };
  },
};

/**
 * Shows, on a terminal only, which header an import is on and at which step, once imports have been
 * running for `delayMs`: one line redrawn in place (`\r`) every second and on every step, erased when
 * no import is left. On anything else (a pipe, a CI log) it writes nothing at all. Returns the
 * function that uninstalls it (and erases the line).
 */
export function showImportProgress(stream: ProgressStream, options: ImportProgressOptions = {}): () => void {
  if (stream.isTTY !== true) return () => {};
  const delay = options.delayMs ?? 2000;
  const clock = options.clock ?? systemClock;
  // Imports running now (check-tree runs several at once), in the order they started, with their step.
  const running = new Map<string, string>();
  let since = 0;
  let ticker: { stop(): void } | undefined;
  let drawn = false;
  let drawnAt = 0;

  const draw = (): void => {
    const elapsed = clock.now() - since;
    const first = running.entries().next();
    if (elapsed < delay || first.done === true) return;
    const [header, step] = first.value;
    const more = running.size > 1 ? ` (+${running.size - 1} more)` : '';
    const text = `uapi: importing ${header}${more}: ${step} (${Math.floor(elapsed / 1000)} s)`;
    // A pseudo-terminal may say 0 columns: then 80.
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r${text.length > width ? `${text.slice(0, width - 1)}…` : text}\x1b[K`);
    drawn = true;
    drawnAt = clock.now();
  };
  const erase = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };

  const unwatch = watchProgress({
    step(header, step) {
      if (running.size === 0) {
        since = clock.now();
        ticker = clock.every(1000, draw);
      }
      // A Map keeps first-insertion order: the line stays on the import that started first.
      running.set(header, step);
      draw();
    },
    alive() {
      if (running.size > 0 && clock.now() - drawnAt >= 1000) draw();
    },
    end(header) {
      running.delete(header);
      if (running.size > 0) return;
      ticker?.stop();
      ticker = undefined;
      erase();
    },
  });
  return () => {
    unwatch();
    ticker?.stop();
    erase();
  };
}
