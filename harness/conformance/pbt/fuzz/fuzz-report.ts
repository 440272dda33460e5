import type { BackendName } from '../../../core/boundary/process';
import type { FailureFile } from '../run/failure-file';

/** One failure of a fuzz run: the failure file's content, where it was written, and how to replay it. */
export interface FuzzFailure extends FailureFile {
  readonly command: string;
  readonly file?: string;
}

/** Per property: how often it ran in this fuzz run. */
export interface FuzzPropertyStats {
  readonly name: string;
  readonly runs: number;
  readonly ioctls: number;
}

/**
 * The machine-readable result of `uapi fuzz --format json` (contract: `ioctls`, `runs`, `failures`,
 * `seed`, `shard`; the rest is detail). Shard reports merge into one of the same shape.
 */
export interface FuzzReport {
  readonly ioctls: number;
  readonly runs: number;
  readonly failures: readonly FuzzFailure[];
  /** Where the calls went: an emulated device, or the running kernel (real ioctl(2) through the native executor). */
  readonly backend: BackendName;
  readonly seed: number;
  /** `i/n`, or for a merged report the shards it holds (`1/4,2/4,3/4,4/4`). */
  readonly shard: string;
  readonly spec: string;
  readonly abis: readonly string[];
  readonly rounds: number;
  readonly elapsedMs: number;
  readonly properties: readonly FuzzPropertyStats[];
}
