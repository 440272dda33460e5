/**
 * The device's virtual clock, in nanoseconds since the device was created. Time moves only when
 * something waits (WAIT_CS with a timeout) or a test advances it, so runs are deterministic and a
 * 30-second submission timeout takes no real time.
 */
export class VirtualClock {
  /**
   * Host time (ktime) when the device's clock reads 0: the device comes up a second after boot.
   * Event timestamps are host times, so that 0 can keep meaning "no event", as the uAPI says.
   */
  static readonly HOST_EPOCH_NS = 1_000_000_000;

  /** The host time of device time `t` (default: now). */
  hostTime(t: number = this.nowNs): number {
    return t + VirtualClock.HOST_EPOCH_NS;
  }

  private nowNs = 0;

  get now(): number {
    return this.nowNs;
  }

  /** Moves to `t` if it is later (time never goes back). */
  advanceTo(t: number): void {
    if (t > this.nowNs) this.nowNs = t;
  }
}
