import type { Abi } from '../../harness/core/layout/abi';
import type { AddressSpace } from '../process/address-space';

/** What the kernel sees of the process that makes a call. */
export interface UserProcess {
  readonly abi: Abi;
  readonly memory: AddressSpace;
  /** A signal is pending: an interruptible wait returns EINTR (and the signal is delivered). */
  readonly signalPending: boolean;
  deliverSignal(): void;
}
