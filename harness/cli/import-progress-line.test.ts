import test from 'ava';
import { reportAlive, reportEnd as reportImportEnd, reportStep as reportImportStep } from '../core/util/work-progress';
import { progressWanted, showImportProgress, type ProgressClock } from './import-progress-line';

/** A clock that moves only when the test says so, firing the timers that fall due. */
function fakeClock(): ProgressClock & { advance(ms: number): void; jump(ms: number): void } {
  let now = 0;
  const timers: { every: number; next: number; f: () => void; stopped: boolean }[] = [];
  return {
    now: () => now,
    every(ms, f) {
      const t = { every: ms, next: now + ms, f, stopped: false };
      timers.push(t);
      return { stop: () => { t.stopped = true; } };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => !t.stopped && t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (due === undefined) break;
        now = due.next;
        due.next += due.every;
        due.f();
      }
      now = end;
    },
    /** Time passes with the event loop held: no timer fires. */
    jump(ms) {
      now += ms;
    },
  };
}

function fakeTty(isTTY = true): { isTTY: boolean; columns: number; written: string[]; write(s: string): boolean } {
  const written: string[] = [];
  return { isTTY, columns: 80, written, write: (s) => { written.push(s); return true; } };
}

test('an import shorter than two seconds draws nothing', (t) => {
  const clock = fakeClock();
  const tty = fakeTty();
  const stop = showImportProgress(tty, { clock });
  reportImportStep('x.h', 'clang x86_64 (wasm)');
  clock.advance(1999);
  reportImportEnd('x.h');
  clock.advance(5000);
  stop();
  t.deepEqual(tty.written, []);
});

test('a long import shows its header and step in place, updates, and is erased at the end', (t) => {
  const clock = fakeClock();
  const tty = fakeTty();
  const stop = showImportProgress(tty, { clock });
  reportImportStep('include/uapi/drm/x.h', 'reading the header and what it includes');
  clock.advance(1000);
  reportImportStep('include/uapi/drm/x.h', 'clang x86_64 (wasm)');
  t.deepEqual(tty.written, []);
  clock.advance(1000);
  t.deepEqual(tty.written, ['\ruapi: importing include/uapi/drm/x.h: clang x86_64 (wasm) (2 s)\x1b[K']);
  reportImportStep('include/uapi/drm/x.h', 'clang i386, arm');
  clock.advance(1000);
  t.deepEqual(tty.written.slice(1), [
    '\ruapi: importing include/uapi/drm/x.h: clang i386, arm (2 s)\x1b[K',
    '\ruapi: importing include/uapi/drm/x.h: clang i386, arm (3 s)\x1b[K',
  ]);
  reportImportEnd('include/uapi/drm/x.h');
  t.is(tty.written.at(-1), '\r\x1b[K');
  const count = tty.written.length;
  clock.advance(10_000);
  stop();
  t.is(tty.written.length, count, 'nothing after the erase: the timer stopped and the line is gone');
});

test('concurrent imports (check-tree -j) show the first and how many more; the line goes when the last ends', (t) => {
  const clock = fakeClock();
  const tty = fakeTty();
  const stop = showImportProgress(tty, { clock });
  reportImportStep('a.h', 'clang x86_64 (native)');
  reportImportStep('b.h', 'clang x86_64 (native)');
  clock.advance(2000);
  t.is(tty.written.at(-1), '\ruapi: importing a.h (+1 more): clang x86_64 (native) (2 s)\x1b[K');
  reportImportEnd('a.h');
  t.not(tty.written.at(-1), '\r\x1b[K');
  clock.advance(1000);
  t.is(tty.written.at(-1), '\ruapi: importing b.h: clang x86_64 (native) (3 s)\x1b[K');
  reportImportEnd('b.h');
  t.is(tty.written.at(-1), '\r\x1b[K');
  stop();
});

test('the line is cut to the terminal width so that \\r returns to its start', (t) => {
  const clock = fakeClock();
  const tty = { ...fakeTty(), columns: 40 };
  const stop = showImportProgress(tty, { clock });
  reportImportStep(`${'very/long/'.repeat(10)}x.h`, 'clang x86_64');
  clock.advance(2000);
  const line = tty.written[0] ?? '';
  t.is(line.replace('\r', '').replace('\x1b[K', '').length, 39);
  t.true(line.endsWith('…\x1b[K'));
  stop();
  t.is(tty.written.at(-1), '\r\x1b[K', 'stopping while drawn erases the line');
});

test('a stream that is not a terminal (a pipe, a CI log) gets nothing, however long the import', (t) => {
  const clock = fakeClock();
  const pipe = fakeTty(false);
  const stop = showImportProgress(pipe, { clock });
  reportImportStep('x.h', 'clang x86_64 (wasm)');
  clock.advance(60_000);
  reportImportEnd('x.h');
  stop();
  t.deepEqual(pipe.written, []);
});

test('machine-readable formats and -q get no progress line', (t) => {
  t.true(progressWanted({}));
  t.true(progressWanted({ format: 'text' }));
  for (const format of ['json', 'sarif', 'junit', 'github', 'markdown']) t.false(progressWanted({ format }), format);
  t.false(progressWanted({ quiet: true }));
});

test('after stop, imports report to no one', (t) => {
  const clock = fakeClock();
  const tty = fakeTty();
  showImportProgress(tty, { clock })();
  reportImportStep('x.h', 'clang x86_64');
  clock.advance(5000);
  t.deepEqual(tty.written, []);
});

test('work that holds the event loop (WebAssembly clang) redraws through its signs of life, at most once a second', (t) => {
  const clock = fakeClock();
  const tty = fakeTty();
  const stop = showImportProgress(tty, { clock });
  reportImportStep('x.h', 'clang x86_64 (wasm)');
  // While clang holds the thread the clock moves but no timer fires; only its output calls back.
  clock.jump(1500);
  reportAlive();
  t.deepEqual(tty.written, [], 'nothing before two seconds');
  clock.jump(600);
  reportAlive();
  t.deepEqual(tty.written, ['\ruapi: importing x.h: clang x86_64 (wasm) (2 s)\x1b[K']);
  clock.jump(500);
  reportAlive();
  t.is(tty.written.length, 1, 'not redrawn within a second');
  clock.jump(500);
  reportAlive();
  t.is(tty.written.at(-1), '\ruapi: importing x.h: clang x86_64 (wasm) (3 s)\x1b[K');
  reportImportEnd('x.h');
  reportAlive();
  t.is(tty.written.at(-1), '\r\x1b[K', 'a sign of life after the end draws nothing');
  stop();
});
