import type { ModelState } from '../state';
import type { Exec } from './context';
import type { DataOf, Op } from './data';

/** One kind of command: when it applies, what it does to both the device and the model, how it reads. */
export interface Handler<K extends Op> {
  /** Whether the command applies in this model state (fast-check skips it otherwise). */
  check(m: ModelState, d: DataOf<K>): boolean;
  /** Runs on every side, checks the observations against the model, and updates the model. */
  run(x: Exec, d: DataOf<K>): void;
}

export type Handlers = { readonly [K in Op]: Handler<K> };
