import { codecFor } from '../../../../../core/codec';
import { shapeOf } from '../../../../pbt/args/abstract-arg';
import { ensure, type RuleId } from '../../../../pbt/rules';
import { payloadView } from '../../../../pbt/spec-facts/device-view';
import { readSite, viewOf } from '../../../../pbt/world/bytes';
import { decodePayload, infoCall } from '../real';
import { EMULATED_SCOPE } from '../scope';
import { pick } from '../state';
import { expectErrno, ioctlOf, onSides, slotOf, type Exec } from './context';
import type { InfoSize } from './data';
import type { Handler } from './handler';

const INFO = 'DRM_IOCTL_HL_INFO';
const FOCUS: readonly string[] = [
  EMULATED_SCOPE.infoPeriod, EMULATED_SCOPE.infoDcore, EMULATED_SCOPE.infoPll, EMULATED_SCOPE.infoRegister,
  EMULATED_SCOPE.infoUnregister, EMULATED_SCOPE.infoDramUsage, EMULATED_SCOPE.infoDeviceStatus,
];

function bufferSize(size: InfoSize, payload: number): number {
  switch (size) {
    case 'exact': return payload;
    case 'minus1': return Math.max(1, payload - 1);
    case 'plus8': return payload + 8;
    case 'eight': return 8;
    case 'one': return 1;
    case 'page': return 4096;
  }
}

/** Valid per-op inputs: a utilisation period of 100..1000 ms in steps of 100; a DCORE or PLL the board has. */
function perOpFault(x: Exec, name: string, v: number): boolean {
  const c = x.env.config;
  if (name === EMULATED_SCOPE.infoPeriod) return v < 100 || v > 1000 || v % 100 !== 0;
  if (name === EMULATED_SCOPE.infoDcore) return v >= c.dcores;
  if (name === EMULATED_SCOPE.infoPll) return v >= c.plls;
  return false;
}

const includes = (list: readonly string[], name: string): boolean => list.includes(name);

/**
 * One INFO query from the spec's opcode set (or an unknown opcode), with an answer buffer sized
 * around the payload: the model predicts the errno from the scope table (unsupported firmware
 * services, eventfd registration, per-op input checks, buffer faults), then checks the answer: at
 * most return_size bytes written (canaries), pad and reserved fields zero, and the answers the model
 * keeps books on (free DRAM, this file's DRAM, device status, page size).
 */
export const infoHandler: Handler<'info'> = {
  check: (m, d) => slotOf(m, d.slot).open,
  run(x, d) {
    const { m, r, env } = x;
    const f = ioctlOf(x, INFO);
    const group = env.facts.group('hl_info_op');
    const names = group?.names ?? [];
    // Half of the queries go to the opcodes the model knows most about (per-op checks, eventfd state, its books).
    const focus = FOCUS.filter((n) => names.includes(n));
    const name = d.unknownOp ? '' : (d.focus && focus.length > 0 ? pick(focus, d.pick) : pick(names, d.pick)) ?? '';
    // An unknown opcode is past every opcode of the client's and of the device's spec (an older
    // client's next opcode may be one the newer driver serves).
    const top = [...(group?.values ?? []), ...(env.device.group('hl_info_op')?.values ?? [])].reduce((a, v) => (v > a ? v : a), 0n);
    const op = d.unknownOp ? Number(top + 1n + BigInt(d.pick % 8)) : env.k(name);
    const payloadName = group?.payloads[names.indexOf(name)];
    const payloadSize = payloadName !== undefined ? codecFor(env.facts.spec, env.facts.abi, payloadName)?.size ?? 8 : 64;
    const size = d.fault === 'zeroSize' ? 0 : bufferSize(d.size, payloadSize);
    // A client whose hl_info_args has no per-op word (1.0.0: a ctx_id nobody reads) sends zero there.
    const perOp = env.reach.infoPerOp ? d.perOp : 0;
    const out = onSides(r, `INFO ${name || op}`, (side) => {
      const pointer = d.fault === 'null' ? 0n : d.fault === 'unmapped' ? BigInt(side.system.unmappedAddress(side.slot(d.slot))) : undefined;
      const a = infoCall(side, d.slot, op, size, d.perOp, pointer);
      const dec = payloadName !== undefined && a.errno === 0 ? decodePayload(side, payloadName, a.answer.subarray(0, Math.min(size, payloadSize))) : undefined;
      return { errno: a.errno, answer: Buffer.from(a.answer.subarray(0, Math.min(size, payloadSize))).toString('hex'), dec };
    });
    const s = slotOf(m, d.slot);
    const allowed: number[] = [];
    let rule: RuleId = 'D14/model-expected-result';
    const bufferFault = d.fault === 'unmapped' ? f.errnoOf('badPointer') : d.fault !== 'none' ? f.errnoOf('badValue') : undefined;
    if (d.unknownOp) {
      allowed.push(f.errnoOf('badValue'));
      rule = 'D14/unknown-value-rejected';
    } else if (includes(EMULATED_SCOPE.infoUnsupported, name)) allowed.push(f.errnoOf('unsupported'));
    else if (includes(EMULATED_SCOPE.infoLoose, name)) allowed.push(...f.declared);
    else if (name === EMULATED_SCOPE.infoRegister) allowed.push(s.eventfd ? f.errnoOf('busy') : 0);
    else if (name === EMULATED_SCOPE.infoUnregister) allowed.push(s.eventfd ? 0 : f.errnoOf('badValue'));
    else {
      if (perOpFault(x, name, perOp)) {
        allowed.push(f.errnoOf('outOfRange'));
        rule = name === EMULATED_SCOPE.infoPeriod ? 'D9/time-inputs-validated' : 'D5/counts-and-sizes-checked';
      }
      const usesBuffer = payloadName !== undefined || includes(EMULATED_SCOPE.infoBufferOps, name);
      if (usesBuffer && bufferFault !== undefined) {
        allowed.push(bufferFault);
        if (d.fault === 'unmapped') rule = 'D14/bad-user-pointer-efault';
      }
      if (allowed.length === 0) allowed.push(0);
    }
    expectErrno(out.errno, allowed, rule, () => `INFO ${name || `op ${op}`} (${size}-byte buffer${d.fault !== 'none' ? `, ${d.fault}` : ''}, per-op ${perOp})`);
    if (out.errno !== 0) return;
    if (name === EMULATED_SCOPE.infoRegister) s.eventfd = true;
    if (name === EMULATED_SCOPE.infoUnregister) s.eventfd = false;
    if (payloadName === undefined || out.dec === undefined) return;
    const written = Math.min(size, payloadSize);
    const shape = shapeOf(env.facts, payloadName);
    const bytes = Buffer.from(out.answer, 'hex');
    // An older client's pad may carry a meaning on the newer driver (hw_idle.pad -> busy_engines_mask).
    const device = payloadView(env.facts, env.device, 'hl_info_op', BigInt(op));
    for (const site of shape?.sites ?? []) {
      if (site.kind !== 'zero' || site.conditional || site.offset + site.access.bytes > written || !device.zeroThere(site)) continue;
      const v = readSite(viewOf(bytes), site);
      ensure(v === 0n, 'no-info-leak-through-padding', () => `INFO ${name} answered with ${site.path} = 0x${v.toString(16)}`);
    }
    const v = out.dec;
    const fits = (key: string): boolean => shape?.sites.some((st) => st.key === key && st.offset + st.access.bytes <= written) === true;
    if (name === EMULATED_SCOPE.infoDramUsage) {
      if (fits('dram_free_mem')) ensure(v['dram_free_mem'] === m.dramFree, 'D14/model-expected-result', () => `INFO DRAM_USAGE: ${String(v['dram_free_mem'])} bytes free, the model ${m.dramFree}`);
      if (fits('ctx_dram_mem')) ensure(v['ctx_dram_mem'] === s.dramBytes, 'D14/model-expected-result', () => `INFO DRAM_USAGE: ${String(v['ctx_dram_mem'])} bytes used by this file, the model ${s.dramBytes}`);
    }
    if (name === EMULATED_SCOPE.infoDeviceStatus && fits('status') && env.facts.constant('HL_DEVICE_STATUS_OPERATIONAL') !== undefined) ensure(v['status'] === env.k('HL_DEVICE_STATUS_OPERATIONAL'), 'D14/model-expected-result', () => `INFO DEVICE_STATUS ${String(v['status'])}`);
  },
};
