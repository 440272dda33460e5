import { ensure } from '../../../../pbt/rules';
import type { Exec } from './context';

/**
 * What holds after every command, whatever it was: the device holds exactly the handles the model
 * says are live (nothing leaked, nothing destroyed by someone else), its DRAM books match, secured
 * registers and driver sync objects were never written from user command buffers, and no exception
 * was caught inside the kernel side.
 */
export function checkInvariants(x: Exec, after: string): void {
  const { m, r, env } = x;
  const live = m.slots.reduce((a, s) => a + (s.open ? s.cbs.length + s.mems.length : 0), 0);
  for (const side of r.sides) {
    const d = side.system.device;
    side.system.checkHealth(after);
    ensure(d.handles.all.size === live, 'D10/resources-freed-on-close', () => `after ${after}: the device holds ${d.handles.all.size} handles, the model ${live}`);
    ensure(BigInt(d.dram.freeBytes) === m.dramFree, 'D10/resources-freed-on-close', () => `after ${after}: ${d.dram.freeBytes} bytes of DRAM free, the model says ${m.dramFree}`);
    const secured = d.registers.subarray(env.config.securedRegisterBase / 4);
    const w = firstNonZero(secured);
    ensure(w < 0, 'no-privileged-register-write', () => `after ${after}: secured register 0x${(env.config.securedRegisterBase + w * 4).toString(16)} holds 0x${(secured[w] ?? 0).toString(16)}`);
    const sob = firstNonZero(d.sobs.subarray(0, env.firstUserSob));
    ensure(sob < 0, 'no-privileged-register-write', () => `after ${after}: driver sync object ${sob} was written`);
  }
}

/**
 * The index of the first non-zero word, or -1. Runs after every command of every sequence over the
 * 56 KiB secured register window: a plain loop, several times faster than `findIndex` with a callback.
 */
function firstNonZero(words: Uint32Array): number {
  for (let i = 0; i < words.length; i++) if (words[i] !== 0) return i;
  return -1;
}
