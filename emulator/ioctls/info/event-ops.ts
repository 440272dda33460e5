import type { IoctlCall } from '../../kernel/ioctl-call';
import type { InfoArgs } from '../../kernel/kernel-codecs';
import { answer, answerU32Array, copyAnswer, stagingOf } from './answer';
import type { InfoOps } from './info-op';

const payload = (call: IoctlCall, args: InfoArgs) => call.codecs.infoPayload[args.op];
/** A device time as the host timestamp INFO reports; no event is 0. */
const stamp = (call: IoctlCall, t: number | undefined): bigint => (t === undefined ? 0n : BigInt(call.device.clock.hostTime(t)));

/** Rewrites hl_info_args in the kernel buffer with one per-op output field (copied back by the entry). */
function setArgsOutput(call: IoctlCall, args: InfoArgs, field: 'user_buffer_actual_size' | 'array_size', value: number): void {
  call.codecs.infoArgs.write(call.view, 0, {
    return_pointer: args.return_pointer, return_size: args.return_size, op: args.op, [field]: value, pad: args.pad,
  });
}

/** INFO opcodes that report counters and the last error events. */
export const EVENT_OPS: InfoOps = {
  HL_INFO_HW_EVENTS: (call, args) => answerU32Array(call, args, call.device.stats.hwEvents),
  HL_INFO_HW_EVENTS_AGGREGATE: (call, args) => answerU32Array(call, args, call.device.stats.hwEventsAggregate),
  HL_INFO_CS_COUNTERS: (call, args) => {
    const t = call.device.counters;
    const c = call.ctx?.counters;
    const b = BigInt;
    return answer(call, args, payload(call, args), {
      total_out_of_mem_drop_cnt: b(t.outOfMem), ctx_out_of_mem_drop_cnt: b(c?.outOfMem ?? 0),
      total_parsing_drop_cnt: b(t.parsing), ctx_parsing_drop_cnt: b(c?.parsing ?? 0),
      total_queue_full_drop_cnt: b(t.queueFull), ctx_queue_full_drop_cnt: b(c?.queueFull ?? 0),
      total_device_in_reset_drop_cnt: b(t.deviceInReset), ctx_device_in_reset_drop_cnt: b(c?.deviceInReset ?? 0),
      total_max_cs_in_flight_drop_cnt: b(t.maxCsInFlight), ctx_max_cs_in_flight_drop_cnt: b(c?.maxCsInFlight ?? 0),
      total_validation_drop_cnt: b(t.validation), ctx_validation_drop_cnt: b(c?.validation ?? 0),
    });
  },
  HL_INFO_LAST_ERR_OPEN_DEV_TIME: (call, args) => answer(call, args, payload(call, args), { timestamp: stamp(call, call.device.stats.lastErrOpenNs) }),
  HL_INFO_CS_TIMEOUT_EVENT: (call, args) => {
    const e = call.device.stats.lastCsTimeout;
    return answer(call, args, payload(call, args), { timestamp: stamp(call, e?.timestampNs), seq: BigInt(e?.seq ?? 0) });
  },
  // No RAZWI (illegal access through the bus) can happen on the emulated device: timestamp 0 says so.
  HL_INFO_RAZWI_EVENT: (call, args) => answer(call, args, payload(call, args), {}),
  HL_INFO_UNDEFINED_OPCODE_EVENT: (call, args) => {
    const e = call.device.stats.lastUndefinedOpcode;
    return answer(call, args, payload(call, args), e === undefined ? {} : { timestamp: stamp(call, e.timestampNs), engine_id: e.engineId });
  },
  HL_INFO_PAGE_FAULT_EVENT: (call, args) => {
    const f = call.ctx?.pageFault;
    return answer(call, args, payload(call, args), f === undefined ? {} : { timestamp: stamp(call, f.timestampNs), addr: BigInt(f.address), engine_id: f.engineId });
  },
  HL_INFO_USER_MAPPINGS: (call, args) => {
    const f = call.ctx?.pageFault;
    const mappings = f?.mappings ?? [];
    const codec = call.codecs.named('hl_user_mapping');
    const s = stagingOf(call.device);
    const fit = Math.min(mappings.length, Math.floor(s.bytes.length / codec.size));
    for (let i = 0; i < fit; i++) {
      const m = mappings[i] as { va: number; size: number };
      codec.write(s.view, i * codec.size, { dev_va: BigInt(m.va), size: BigInt(m.size) });
    }
    setArgsOutput(call, args, 'array_size', fit);
    if (fit === 0) return 0;
    return copyAnswer(call, args, s.bytes, fit * codec.size);
  },
  HL_INFO_HW_ERR_EVENT: (call, args) => answer(call, args, payload(call, args), {}),
  HL_INFO_FW_ERR_EVENT: (call, args) => answer(call, args, payload(call, args), {}),
  HL_INFO_USER_ENGINE_ERR_EVENT: (call, args) => answer(call, args, payload(call, args), {}),
  HL_INFO_ENGINE_STATUS: (call, args) => {
    const d = call.device;
    d.runUntil(d.clock.now);
    const text = d.scheduler.queues.map((q) => `queue ${q.id} (${q.kind}): ${q.busy ? 'busy' : 'idle'}\n`).join('');
    const bytes = Buffer.from(text, 'utf8');
    const n = Math.min(bytes.length, args.return_size);
    setArgsOutput(call, args, 'user_buffer_actual_size', n);
    return copyAnswer(call, args, bytes, bytes.length);
  },
  HL_INFO_REGISTER_EVENTFD: (call, args) => {
    if (call.file.eventfd !== undefined) return call.errno('busy');
    call.file.eventfd = args.eventfd ?? 0;
    return 0;
  },
  HL_INFO_UNREGISTER_EVENTFD: (call) => {
    if (call.file.eventfd === undefined) return call.errno('badValue');
    call.file.eventfd = undefined;
    return 0;
  },
  HL_INFO_GET_EVENTS: (call, args) => {
    const s = stagingOf(call.device);
    s.view.setBigUint64(0, call.file.events, call.codecs.abi.endian === 'little');
    const rc = copyAnswer(call, args, s.bytes, 8);
    if (rc === 0) call.file.events = 0n;
    return rc;
  },
};
