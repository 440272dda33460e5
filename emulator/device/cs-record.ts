import type { CommandBuffer } from './command-buffer';
import type { Packet } from './packet';

export type CsState = 'pending' | 'completed' | 'timedout' | 'aborted';

/** One job of a submission: validated packets for one queue. */
export interface Job {
  readonly cs: CsRecord;
  readonly queue: number;
  readonly packets: readonly Packet[];
  /** Next packet to run. */
  pc: number;
}

/** A submission: its jobs, its deadline on the virtual clock, and how it ended. */
export class CsRecord {
  readonly seq: number;
  readonly contextId: number;
  readonly submitNs: number;
  readonly deadlineNs: number;
  readonly timestamp: boolean;
  readonly skipResetOnTimeout: boolean;
  jobs: Job[] = [];
  remaining = 0;
  state: CsState = 'pending';
  doneNs = 0;
  /** Command buffers held until the submission ends. */
  readonly cbs: CommandBuffer[] = [];

  constructor(seq: number, contextId: number, submitNs: number, deadlineNs: number, timestamp: boolean, skipResetOnTimeout: boolean) {
    this.seq = seq;
    this.contextId = contextId;
    this.submitNs = submitNs;
    this.deadlineNs = deadlineNs;
    this.timestamp = timestamp;
    this.skipResetOnTimeout = skipResetOnTimeout;
  }
}
