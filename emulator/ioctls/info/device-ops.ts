import { E } from '../../errno';
import type { IoctlCall } from '../../kernel/ioctl-call';
import type { InfoArgs } from '../../kernel/kernel-codecs';
import { VA } from '../../device/config';
import { answer, cString } from './answer';
import type { InfoOps } from './info-op';

const payload = (call: IoctlCall, args: InfoArgs) => call.codecs.infoPayload[args.op];

/** PLL outputs in MHz: the core clock and its dividers. */
const pllOutputs = (mhz: number): number[] => [mhz, mhz >> 1, mhz >> 2, mhz >> 3];

/** Supported allocation page sizes, as a bitmask of their log2 (hl_info_dev_memalloc_page_sizes). */
export function pageOrderMask(min: number, max: number): bigint {
  let mask = 0n;
  for (let p = min; p <= max; p *= 2) mask |= 1n << BigInt(Math.log2(p));
  return mask;
}

/** INFO opcodes that describe the device and its current state. */
export const DEVICE_OPS: InfoOps = {
  HL_INFO_HW_IP_INFO: (call, args) => {
    const c = call.device.config;
    return answer(call, args, payload(call, args), {
      sram_base_address: 0n,
      dram_base_address: BigInt(VA.dramBase),
      dram_size: BigInt(c.dramSize - c.reservedDramSize),
      sram_size: c.sramSize,
      num_of_events: c.numOfEvents,
      device_id: c.deviceId,
      server_type: call.k.HL_SERVER_TYPE_UNKNOWN,
      dram_enabled: 1,
      security_enabled: 1,
      cpucp_version: cString(c.firmwareVersion, 128),
      card_name: cString(c.cardName, 16),
      tpc_enabled_mask_ext: 0n,
      dram_page_size: BigInt(c.dramPageSize),
      edma_enabled_mask: 0,
      number_of_user_interrupts: 0,
      device_mem_alloc_default_page_size: BigInt(c.dramPageSize),
      revision_id: c.revisionId,
      reserved_dram_size: BigInt(c.reservedDramSize),
    });
  },
  HL_INFO_DRAM_USAGE: (call, args) => answer(call, args, payload(call, args), {
    dram_free_mem: BigInt(call.device.dram.freeBytes),
    ctx_dram_mem: BigInt(call.ctx?.dramBytes ?? 0),
  }),
  HL_INFO_HW_IDLE: (call, args) => {
    const d = call.device;
    d.runUntil(d.clock.now);
    const busy = d.scheduler.busyMask();
    return answer(call, args, payload(call, args), { is_idle: busy === 0 ? 1 : 0, busy_engines_mask: busy, busy_engines_mask_ext: [BigInt(busy)] });
  },
  HL_INFO_DEVICE_STATUS: (call, args) => answer(call, args, payload(call, args), { status: call.device.status }),
  HL_INFO_DEVICE_UTILIZATION: (call, args) => {
    const period = args.period_ms ?? 0;
    if (!call.device.mutations['utilization-period-unchecked'] && (period < 100 || period > 1000 || period % 100 !== 0)) return call.errno('outOfRange');
    const d = call.device;
    return answer(call, args, payload(call, args), { utilization: d.stats.utilization(d.clock.now, period * 1e6) });
  },
  HL_INFO_CLK_RATE: (call, args) => answer(call, args, payload(call, args), {
    cur_clk_rate_mhz: call.device.config.curClkMhz, max_clk_rate_mhz: call.device.config.maxClkMhz,
  }),
  HL_INFO_RESET_COUNT: (call, args) => answer(call, args, payload(call, args), {
    hard_reset_cnt: call.device.stats.hardResets, soft_reset_cnt: call.device.stats.softResets,
  }),
  HL_INFO_TIME_SYNC: (call, args) => {
    // The device counts nanoseconds of virtual time; the host clock and TSC are fixed offsets and rates of it.
    const clock = call.device.clock;
    const now = BigInt(clock.now);
    return answer(call, args, payload(call, args), { device_time: now, host_time: BigInt(clock.hostTime()), tsc_time: now * 3n });
  },
  HL_INFO_PCI_COUNTERS: (call, args) => answer(call, args, payload(call, args), { rx_throughput: 0n, tx_throughput: 0n, replay_cnt: 0n }),
  HL_INFO_CLK_THROTTLE_REASON: (call, args) => answer(call, args, payload(call, args), { clk_throttling_reason: 0 }),
  HL_INFO_SYNC_MANAGER: (call, args) => {
    const c = call.device.config;
    if ((args.dcore_id ?? 0) >= c.dcores) return call.errno('outOfRange');
    return answer(call, args, payload(call, args), {
      first_available_sync_object: c.firstUserSyncObject, first_available_monitor: c.firstUserMonitor, first_available_cq: c.firstUserCq,
    });
  },
  HL_INFO_TOTAL_ENERGY: (call, args) => answer(call, args, payload(call, args), {
    total_energy_consumption: BigInt(call.device.stats.energyUj(call.device.clock.now)),
  }),
  HL_INFO_PLL_FREQUENCY: (call, args) => {
    if ((args.pll_index ?? 0) >= call.device.config.plls) return call.errno('outOfRange');
    return answer(call, args, payload(call, args), { output: pllOutputs(call.device.config.curClkMhz >> (args.pll_index ?? 0)) });
  },
  HL_INFO_POWER: (call, args) => answer(call, args, payload(call, args), {
    power: BigInt(call.device.stats.powerMw(call.device.scheduler.busyMask() !== 0)),
  }),
  HL_INFO_OPEN_STATS: (call, args) => {
    const d = call.device;
    return answer(call, args, payload(call, args), {
      open_counter: BigInt(d.stats.openCounter),
      last_open_period_ms: BigInt(d.stats.lastOpenPeriodMs),
      is_compute_ctx_active: d.openFiles().some((f) => f.mode === 'compute') ? 1 : 0,
      compute_ctx_in_release: 0,
    });
  },
  HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES: (call, args) => answer(call, args, payload(call, args), {
    page_order_bitmask: pageOrderMask(call.device.config.dramPageSize, call.device.config.maxDramPageSize),
  }),
  HL_INFO_DRAM_PENDING_ROWS: (call, args) => {
    // A __u32 count of DRAM rows waiting for replacement: none on an emulated device.
    if (args.return_pointer === 0n || args.return_size === 0) return call.errno('badValue');
    const zero = new Uint8Array(4);
    return call.copyOut(args.return_pointer, zero, 0, Math.min(4, args.return_size)) ? 0 : call.errno('badPointer');
  },
  // Firmware services the emulated device does not have.
  HL_INFO_DRAM_REPLACED_ROWS: () => E.EOPNOTSUPP,
  HL_INFO_SECURED_ATTESTATION: () => E.EOPNOTSUPP,
  HL_INFO_FW_GENERIC_REQ: () => E.EOPNOTSUPP,
  HL_INFO_DEV_SIGNED: () => E.EOPNOTSUPP,
};
