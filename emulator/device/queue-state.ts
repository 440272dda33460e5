import type { QueueConfig, QueueKind } from './config';
import type { Job } from './cs-record';

/** One hardware queue: the jobs waiting on it and where its engine is in time. */
export class QueueState {
  readonly id: number;
  readonly kind: QueueKind;
  readonly engineBit: number;
  readonly jobs: Job[] = [];
  /** Virtual time at which the engine can run its next packet. */
  readyAt = 0;
  /** Sync object a FENCE waits on (-1: not blocked), and the value it waits for. */
  blockedSob = -1;
  blockedTarget = 0;

  constructor(q: QueueConfig) {
    this.id = q.id;
    this.kind = q.kind;
    this.engineBit = q.engineBit;
  }

  get busy(): boolean {
    return this.jobs.length > 0;
  }
}
