import type { DeviceConfig } from '../../../../emulator/device/config';
import type { Process } from '../../../../emulator/process/process';
import type { Abi } from '../../../core/layout/abi';

/** Counts every ioctl a run makes (the fuzz report's `ioctls`). */
export interface IoctlCounter {
  ioctls: number;
}

/**
 * Watches every system the suite builds: given the session's ABI, process count and device
 * configuration, it returns how to make the session's processes. The trace recorder uses it to see
 * every call of a suite run without the properties knowing.
 */
export interface SessionHook {
  session(abi: Abi, processes: number, config: DeviceConfig): (index: number, counter: IoctlCounter) => Process;
}

let active: SessionHook | undefined;

/** Runs `f` (synchronous, like the whole suite) with `hook` watching the systems it builds. */
export function withSessionHook<T>(hook: SessionHook, f: () => T): T {
  const outer = active;
  active = hook;
  try {
    return f();
  } finally {
    active = outer;
  }
}

export function activeSessionHook(): SessionHook | undefined {
  return active;
}
