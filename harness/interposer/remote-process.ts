import type { Abi } from '../core/layout/abi';
import type { UserProcess } from '../../emulator/kernel/user-process';
import type { Channel } from './protocol';
import { RemoteAddressSpace } from './remote-memory';

/**
 * What the emulated kernel sees of a real program running under the interposer: its ABI and its
 * memory, reached through the channel. Signals are not forwarded (a real signal interrupts the
 * program's own read of the channel, which it retries), so waits never see one pending.
 */
export class RemoteProcess implements UserProcess {
  readonly abi: Abi;
  readonly memory: RemoteAddressSpace;
  readonly signalPending = false;

  constructor(abi: Abi, channel: Channel) {
    this.abi = abi;
    this.memory = new RemoteAddressSpace(channel, abi.pointerBytes);
  }

  deliverSignal(): void {
    // No signal is ever pending (see above).
  }
}
