import { pendingCs, type Fate, type ModelCs, type ModelState } from '../state';

/**
 * Far more virtual time than all the work of the non-stuck submissions of a sequence (a few µs each),
 * and far less than any submission timeout (≥ 1 s): within GUARD of a wait's start every such
 * submission has finished; a deadline that close to the start makes their order uncertain.
 */
export const GUARD_NS = 100e6;

/** What a wait on `target` may return, and how the model's submissions stand afterwards. */
export interface WaitPrediction {
  /** Fates `target` may have when the call returns ('pending': the wait expired). */
  readonly outcomes: ReadonlySet<Fate>;
  /** Updates the model once the observed fate is known. */
  settle(observed: Fate): void;
}

const without = (s: ReadonlySet<Fate>, f: Fate): Set<Fate> => new Set([...s].filter((x) => x !== f));

/**
 * Predicts a WAIT_CS on `target` that starts at virtual time `now` and may sleep until `until`
 * (`until === now` for a poll). Submissions run only while someone waits, on the virtual clock:
 * non-stuck ones finish within GUARD; stuck ones (a fence nothing signals) end at their deadline,
 * timed out, and unless they asked to skip the reset, every other submission in flight is aborted.
 */
export function predictWait(m: ModelState, target: ModelCs, now: number, until: number): WaitPrediction {
  if (!target.fates.has('pending')) return { outcomes: target.fates, settle: (f) => { target.fates = new Set([f]); } };
  const pending = pendingCs(m);
  const stuck = pending.filter((c) => c.stuck).sort((a, b) => a.deadline - b.deadline || a.order - b.order);
  const loose = pending.filter((c) => !c.stuck);
  // Deadlines up to `until` are processed by the run, even by a poll (`until === now`): two
  // submissions with the same deadline leave the second one due when a wait stops at the first.
  const due = stuck.filter((c) => c.deadline <= until);
  const near = due.some((c) => c.deadline <= now + GUARD_NS);
  const ambiguous = near && loose.length > 0;
  if (!target.stuck && until <= now && due.length === 0) {
    return { outcomes: target.fates, settle: (f) => { if (f !== 'pending') target.fates = new Set([f]); } };
  }
  if (!target.stuck) {
    // It finishes within GUARD; a shorter wait may expire first (its packets take engine time).
    const short = until - now < GUARD_NS;
    const outcomes = short ? new Set(target.fates) : without(target.fates, 'pending');
    if (ambiguous) outcomes.add('aborted');
    return {
      outcomes,
      settle: (f) => {
        if (ambiguous) {
          for (const c of pending) {
            c.fates.add('aborted');
            if (c.stuck && c.deadline <= now + GUARD_NS) c.fates.add('timedout');
          }
        }
        if (f !== 'pending') target.fates = new Set([f]);
      },
    };
  }
  // A stuck target: replay the deadlines up to `until` in order. A stuck submission that may already
  // have faulted (its DMA reached an unmapped address) may not time out or reset anything: then the
  // model only knows which submissions can no longer be pending.
  const uncertain = ambiguous || target.fates.has('aborted') || stuck.some((y) => y.deadline <= until && y.fates.has('aborted'));
  if (uncertain) {
    const outcomes = new Set<Fate>(target.deadline <= until ? ['timedout', 'aborted'] : ['pending', 'aborted']);
    return {
      outcomes,
      settle: (f) => {
        // A wait whose target ended (faulted, say) stopped the run then, perhaps long before `until`.
        blurRun(m, now, until, f === 'pending');
        if (f !== 'pending') target.fates = new Set([f]);
      },
    };
  }
  const fates = new Map<ModelCs, Set<Fate>>(pending.map((c) => [c, new Set(c.fates)]));
  const alive = (c: ModelCs): boolean => fates.get(c)?.has('pending') === true;
  for (const y of stuck) {
    if (y.deadline > until || !alive(target)) break;
    if (!alive(y)) continue;
    fates.set(y, new Set(['timedout']));
    if (!y.skipReset) for (const other of pending) if (other !== y && alive(other) && other.stuck) fates.set(other, new Set(['aborted']));
  }
  const outcome = fates.get(target) ?? new Set<Fate>(['pending']);
  // A run of GUARD or more: every non-stuck submission is done (a deadline inside GUARD is the uncertain case).
  const finished = until - now >= GUARD_NS;
  return {
    outcomes: outcome,
    settle: (f) => {
      for (const [c, set] of fates) {
        if (!c.stuck) {
          if (finished) c.fates = without(c.fates, 'pending');
        } else c.fates = set;
      }
      if (f !== 'pending') target.fates = new Set([f]);
    },
  };
}

/**
 * After a run from `now` to at most `until` whose order the model cannot tell: every submission that
 * may have been pending may have been aborted by a reset; stuck ones whose deadline passed may have
 * timed out or (the run stops when what it waits for ends) still be pending; runnable ones are done
 * once the run lasted GUARD, which only a run that went on to `until` (`ranToEnd`) surely did.
 */
export function blurRun(m: ModelState, now: number, until: number, ranToEnd = true): void {
  const lastedGuard = ranToEnd && until - now >= GUARD_NS;
  for (const c of pendingCs(m)) {
    if (!c.stuck) c.fates = lastedGuard ? new Set([...without(c.fates, 'pending'), 'aborted']) : new Set([...c.fates, 'aborted']);
    else c.fates = new Set(c.deadline <= until ? ['pending', 'timedout', 'aborted'] : ['pending', 'aborted']);
  }
}
