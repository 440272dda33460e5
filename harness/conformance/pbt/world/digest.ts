import type { Device } from '../../../../emulator/device/device';

/**
 * The device's bookkeeping that a rejected call must leave alone: live handles, command-buffer and
 * device memory, MMU mappings, submissions in flight and issued sequence numbers per context. (Drop
 * counters are left out: counting a rejected submission is what they are for.)
 */
export function deviceDigest(d: Device): string {
  const contexts = d.liveContexts().map((c) => `${c.id}:${c.mmu.mappings().length}:${c.lastSeq}:${c.dramBytes}`);
  return [
    `handles=${d.handles.all.size}`, `cbPool=${d.cbPoolUsed}`, `dramFree=${d.dram.freeBytes}`,
    `inflight=${d.scheduler.inflight.length}`, `contexts=${contexts.join(',')}`,
    `eventfds=${d.openFiles().map((f) => f.eventfd ?? '-').join(',')}`,
  ].join(' ');
}
