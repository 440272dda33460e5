/** Hardware event ids the emulated firmware counts (hl_info_hw_ip_info.num_of_events of them). */
export const HW_EVENT = { pageFault: 0, csTimeout: 1, undefinedOpcode: 2, reset: 3 } as const;

/** A recorded device event with its time, as INFO's *_EVENT opcodes report the last one. */
export interface TimedEvent {
  readonly timestampNs: number;
}

const IDLE_POWER_MW = 60_000;
const BUSY_POWER_MW = 250_000;
const WINDOW_NS = 1_000_000_000;

/**
 * What the device counts for INFO: opens, resets, hardware events, the last error events, and engine
 * busy time (for utilisation, energy and power).
 */
export class DeviceStats {
  openCounter = 0;
  lastOpenPeriodMs = 0;
  hardResets = 0;
  softResets = 0;
  /** Since the last hard reset, and since the driver was loaded. */
  readonly hwEvents: Uint32Array;
  readonly hwEventsAggregate: Uint32Array;
  lastCsTimeout: (TimedEvent & { readonly seq: number }) | undefined;
  lastUndefinedOpcode: (TimedEvent & { readonly engineId: number; readonly opcode: number }) | undefined;
  /** When an open during which an error happened began (INFO LAST_ERR_OPEN_DEV_TIME). */
  lastErrOpenNs: number | undefined;
  /** Packets the engines ran and bytes LIN_DMA moved (what the SPMU counters count). */
  packets = 0;
  dmaBytes = 0;
  private busyTotalNs = 0;
  private readonly intervals: { start: number; end: number }[] = [];

  constructor(numOfEvents: number) {
    this.hwEvents = new Uint32Array(numOfEvents);
    this.hwEventsAggregate = new Uint32Array(numOfEvents);
  }

  event(id: number): void {
    if (id < this.hwEvents.length) {
      this.hwEvents[id] = ((this.hwEvents[id] as number) + 1) >>> 0;
      this.hwEventsAggregate[id] = ((this.hwEventsAggregate[id] as number) + 1) >>> 0;
    }
  }

  /** Engines were busy in [start, end); calls come in time order. */
  busy(start: number, end: number): void {
    const last = this.intervals[this.intervals.length - 1];
    if (last !== undefined && start <= last.end) {
      if (end > last.end) {
        this.busyTotalNs += end - last.end;
        last.end = end;
      }
    } else {
      this.intervals.push({ start, end });
      this.busyTotalNs += end - start;
    }
    while (this.intervals.length > 1 && (this.intervals[0] as { end: number }).end < end - WINDOW_NS) this.intervals.shift();
  }

  /** Percentage of [now - periodNs, now) in which an engine was busy. */
  utilization(now: number, periodNs: number): number {
    const from = now - periodNs;
    let busy = 0;
    for (const i of this.intervals) busy += Math.max(0, Math.min(i.end, now) - Math.max(i.start, from));
    return periodNs > 0 ? Math.min(100, Math.floor((busy * 100) / periodNs)) : 0;
  }

  /** Energy since the device was created, in microjoules: idle power all along, more while busy. */
  energyUj(now: number): number {
    return Math.floor((IDLE_POWER_MW * now + (BUSY_POWER_MW - IDLE_POWER_MW) * this.busyTotalNs) / 1e9 * 1000);
  }

  powerMw(busyNow: boolean): number {
    return busyNow ? BUSY_POWER_MW : IDLE_POWER_MW;
  }
}
