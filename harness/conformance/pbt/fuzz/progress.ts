import { formatDuration } from './duration';
import type { FuzzProgress } from './fuzz';

const WIDTH = 24;

/** One line of a fuzz run's progress: a bar on a terminal, plain words otherwise. */
export function progressLine(p: FuzzProgress, bar: boolean): string {
  const done = Math.min(1, p.timeMs > 0 ? p.elapsedMs / p.timeMs : 1);
  const words = `${formatDuration(p.elapsedMs)} of ${formatDuration(p.timeMs)}, ${p.ioctls.toLocaleString('en-US')} ioctls, ${p.runs.toLocaleString('en-US')} runs, ${p.failures} failure${p.failures === 1 ? '' : 's'}`;
  if (!bar) return `fuzz: ${words}`;
  const filled = Math.round(done * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(done * 100)}% ${words}`;
}

/**
 * Reports progress on a stream: on a terminal a bar redrawn in place at most every 100 ms; otherwise
 * (CI logs) a plain line every `every` ms, so that logs stay short and line-oriented.
 */
export function progressReporter(write: (text: string) => void, tty: boolean, every = 10_000): { update(p: FuzzProgress): void; end(): void } {
  let next = tty ? 0 : every;
  let drawn = false;
  return {
    update(p) {
      if (p.elapsedMs < next) return;
      if (tty) {
        write(`\r${progressLine(p, true)}`);
        drawn = true;
        next = p.elapsedMs + 100;
      } else {
        write(`${progressLine(p, false)}\n`);
        next = (Math.floor(p.elapsedMs / every) + 1) * every;
      }
    },
    end() {
      if (drawn) write('\n');
    },
  };
}
