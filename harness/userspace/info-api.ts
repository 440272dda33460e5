import type { Decoded } from '../core/codec';
import { E } from '../core/boundary/errno';
import type { Infer } from '../core/model/dsl/infer';
import type * as dev from '../../specs/habanalabs/info-device';
import type * as ev from '../../specs/habanalabs/info-events';
import { SCRATCH, type IoctlCaller } from './ioctl-caller';
import { rtFail, rtOk, type RtResult } from './result';

type D<T> = Decoded<Infer<T>>;
export type HwIpInfo = D<typeof dev.hl_info_hw_ip_info>;
export type DramUsage = D<typeof dev.hl_info_dram_usage>;
export type HwIdle = D<typeof dev.hl_info_hw_idle>;
export type DeviceStatus = D<typeof dev.hl_info_device_status>;
export type DeviceUtilization = D<typeof dev.hl_info_device_utilization>;
export type ClkRate = D<typeof dev.hl_info_clk_rate>;
export type ResetCount = D<typeof dev.hl_info_reset_count>;
export type TimeSync = D<typeof dev.hl_info_time_sync>;
export type CsCounters = D<typeof dev.hl_info_cs_counters>;
export type SyncManager = D<typeof dev.hl_info_sync_manager>;
export type Energy = D<typeof dev.hl_info_energy>;
export type PllFrequency = D<typeof dev.hl_pll_frequency_info>;
export type PowerInfo = D<typeof dev.hl_power_info>;
export type OpenStats = D<typeof dev.hl_open_stats_info>;
export type CsTimeoutEvent = D<typeof ev.hl_info_cs_timeout_event>;
export type PageFaultInfo = D<typeof ev.hl_page_fault_info>;
export type UserMapping = D<typeof ev.hl_user_mapping>;
export type PageSizes = D<typeof ev.hl_info_dev_memalloc_page_sizes>;

/** The per-op input of hl_info_args (its anonymous union). */
export interface InfoInput {
  readonly dcore_id?: number;
  readonly period_ms?: number;
  readonly pll_index?: number;
  readonly eventfd?: number;
}

/** DRM_IOCTL_HL_INFO, one method per query, each decoding its answer with the client's layout. */
export class InfoApi {
  private readonly c: IoctlCaller;
  private readonly out: bigint;

  constructor(caller: IoctlCaller) {
    this.c = caller;
    this.out = BigInt(caller.scratch + SCRATCH.out);
  }

  /**
   * Runs INFO op `op` (a constant name of the spec) and decodes the answer as `payload`; `returnSize`
   * defaults to the payload's size on this ABI.
   */
  query<V>(op: string, payload: string, input: InfoInput = {}, returnSize?: number): RtResult<V> {
    const codec = this.c.codec<V>(payload);
    const r = this.raw(op, codec?.size ?? 0, input, returnSize);
    if (!r.ok) return r;
    return codec === undefined ? rtFail(E.EOPNOTSUPP) : rtOk(this.c.get(codec, SCRATCH.out));
  }

  /** Runs INFO op `op` into the output area and returns how many bytes the caller allowed. */
  raw(op: string, size: number, input: InfoInput = {}, returnSize = size): RtResult<number> {
    const args = this.c.codec('hl_info_args');
    const opValue = this.c.constant(op);
    if (args === undefined || opValue === undefined) return rtFail(E.EOPNOTSUPP);
    const put = this.c.put(args, SCRATCH.arg, { return_pointer: this.out, return_size: returnSize, op: opValue, ...input });
    if (!put.ok) return put;
    const rc = this.c.call('DRM_IOCTL_HL_INFO');
    return rc === 0 ? rtOk(returnSize) : rtFail(rc);
  }

  hwIp(): RtResult<HwIpInfo> { return this.query('HL_INFO_HW_IP_INFO', 'hl_info_hw_ip_info'); }
  dramUsage(): RtResult<DramUsage> { return this.query('HL_INFO_DRAM_USAGE', 'hl_info_dram_usage'); }
  hwIdle(): RtResult<HwIdle> { return this.query('HL_INFO_HW_IDLE', 'hl_info_hw_idle'); }
  deviceStatus(): RtResult<DeviceStatus> { return this.query('HL_INFO_DEVICE_STATUS', 'hl_info_device_status'); }
  utilization(periodMs: number): RtResult<DeviceUtilization> {
    return this.query('HL_INFO_DEVICE_UTILIZATION', 'hl_info_device_utilization', { period_ms: periodMs });
  }
  clkRate(): RtResult<ClkRate> { return this.query('HL_INFO_CLK_RATE', 'hl_info_clk_rate'); }
  resetCount(): RtResult<ResetCount> { return this.query('HL_INFO_RESET_COUNT', 'hl_info_reset_count'); }
  timeSync(): RtResult<TimeSync> { return this.query('HL_INFO_TIME_SYNC', 'hl_info_time_sync'); }
  csCounters(): RtResult<CsCounters> { return this.query('HL_INFO_CS_COUNTERS', 'hl_info_cs_counters'); }
  syncManager(dcoreId: number): RtResult<SyncManager> { return this.query('HL_INFO_SYNC_MANAGER', 'hl_info_sync_manager', { dcore_id: dcoreId }); }
  energy(): RtResult<Energy> { return this.query('HL_INFO_TOTAL_ENERGY', 'hl_info_energy'); }
  pllFrequency(pllIndex: number): RtResult<PllFrequency> { return this.query('HL_INFO_PLL_FREQUENCY', 'hl_pll_frequency_info', { pll_index: pllIndex }); }
  power(): RtResult<PowerInfo> { return this.query('HL_INFO_POWER', 'hl_power_info'); }
  openStats(): RtResult<OpenStats> { return this.query('HL_INFO_OPEN_STATS', 'hl_open_stats_info'); }
  pageSizes(): RtResult<PageSizes> { return this.query('HL_INFO_DEV_MEM_ALLOC_PAGE_SIZES', 'hl_info_dev_memalloc_page_sizes'); }
  csTimeoutEvent(): RtResult<CsTimeoutEvent> { return this.query('HL_INFO_CS_TIMEOUT_EVENT', 'hl_info_cs_timeout_event'); }
  pageFaultEvent(): RtResult<PageFaultInfo> { return this.query('HL_INFO_PAGE_FAULT_EVENT', 'hl_page_fault_info'); }

  /** HL_INFO_HW_EVENTS (or _AGGREGATE): one __u32 counter per event id. */
  hwEvents(count: number, aggregate = false): RtResult<number[]> {
    const r = this.raw(aggregate ? 'HL_INFO_HW_EVENTS_AGGREGATE' : 'HL_INFO_HW_EVENTS', count * 4);
    if (!r.ok) return r;
    const b = this.c.bytes(SCRATCH.out, count * 4);
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const little = this.c.process.abi.endian === 'little';
    return rtOk(Array.from({ length: count }, (_, i) => view.getUint32(i * 4, little)));
  }

  /** HL_INFO_USER_MAPPINGS: the context's mappings captured at its last page fault. */
  userMappings(max: number): RtResult<UserMapping[]> {
    const codec = this.c.codec<UserMapping>('hl_user_mapping');
    const args = this.c.codec<{ array_size: number }>('hl_info_args');
    if (codec === undefined || args === undefined) return rtFail(E.EOPNOTSUPP);
    const r = this.raw('HL_INFO_USER_MAPPINGS', max * codec.size);
    if (!r.ok) return r;
    const n = Math.min(this.c.get(args, SCRATCH.arg).array_size, max);
    return rtOk(Array.from({ length: n }, (_, i) => this.c.get(codec, SCRATCH.out + i * codec.size)));
  }

  /** HL_INFO_GET_EVENTS: notifier events (a mask of HL_NOTIFIER_EVENT_*) since the last call. */
  events(): RtResult<bigint> {
    const r = this.raw('HL_INFO_GET_EVENTS', 8);
    if (!r.ok) return r;
    const b = this.c.bytes(SCRATCH.out, 8);
    return rtOk(new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0, this.c.process.abi.endian === 'little'));
  }
}
