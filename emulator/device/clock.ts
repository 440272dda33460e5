/**
 * The device's virtual clock, in nanoseconds since the device was created. Time moves only when
 * something waits (WAIT_CS with a timeout) or a test advances it, so runs are deterministic and a
 * 30-second submission timeout takes no real time.
 */
export class VirtualClock {
  private nowNs = 0;

  get now(): number {
    return this.nowNs;
  }

  /** Moves to `t` if it is later (time never goes back). */
  advanceTo(t: number): void {
    if (t > this.nowNs) this.nowNs = t;
  }
}
