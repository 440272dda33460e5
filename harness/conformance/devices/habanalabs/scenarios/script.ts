import { errnoName } from '../../../../../emulator/errno';
import { ensure, Violation } from '../../../pbt/rules';
import { callValue, needConstant } from '../../../pbt/world/call-value';
import { SUITE_CONFIG } from '../../../pbt/world/suite-config';
import { System } from '../../../pbt/world/system';
import type { SuiteContext } from '../../../pbt/properties/suite-property';

/**
 * Plain steps for scenario properties: each makes one call through System.call (so the universal
 * invariants hold) and fails the property, naming the step, when a step that must succeed does not.
 */
export class Script {
  readonly system: System;

  constructor(ctx: SuiteContext, slots = 2) {
    const { system, issues } = System.create({ spec: ctx.spec, deviceSpec: ctx.deviceSpec, abi: ctx.abi, mutations: ctx.mutations, counter: ctx.counter, config: SUITE_CONFIG, slots });
    if (system === undefined) throw new Violation('D14/model-expected-result', `no device: ${issues.map((i) => i.message).join('; ')}`);
    this.system = system;
  }

  k(name: string): number {
    return needConstant(this.system, name);
  }

  must(what: string, errno: number): void {
    ensure(errno === 0, 'D14/model-expected-result', () => `${what} failed with ${errnoName(errno)}`);
  }

  open(slot: number): void {
    this.must(`open of slot ${slot}`, this.system.open(this.system.slot(slot)));
  }

  close(slot: number): void {
    this.must(`close of slot ${slot}`, this.system.close(this.system.slot(slot)));
  }

  call(slot: number, ioctl: string, value: Record<string, unknown>): { errno: number; out: Readonly<Record<string, unknown>> } {
    return callValue(this.system, this.system.slot(slot), ioctl, value);
  }

  /** A command buffer holding `stream`; its handle. */
  cb(slot: number, stream: Uint8Array): bigint {
    const size = Math.max(8, stream.length);
    const c = this.call(slot, 'DRM_IOCTL_HL_CB', { op: this.k('HL_CB_OP_CREATE'), cb_size: size });
    this.must('CB create', c.errno);
    const handle = c.out['cb_handle'] as bigint;
    const s = this.system.slot(slot);
    const alloc = Math.max(4096, Math.ceil(size / 4096) * 4096);
    const m = s.caller.mmap(handle, alloc);
    if (!m.ok) throw new Violation('D14/model-expected-result', `mmap of a CB failed with ${errnoName(m.errno)}`);
    s.process.write(m.value, stream);
    return handle;
  }

  /** Submits `stream` in a fresh command buffer on `queue`; the errno and sequence number. */
  submit(slot: number, stream: Uint8Array, queue: number, flags = 0, timeout = 0): { errno: number; seq: bigint } {
    const handle = this.cb(slot, stream);
    const chunk = this.system.facts.ioctl('DRM_IOCTL_HL_CS')?.pointed.get('hl_cs_chunk')?.codec.encode({ cb_handle: handle, queue_index: queue, cb_size: stream.length });
    if (chunk === undefined || !chunk.ok) throw new Error('scenario: cannot encode a chunk');
    const address = this.system.buffer(this.system.slot(slot), chunk.value);
    const c = this.call(slot, 'DRM_IOCTL_HL_CS', { chunks_execute: BigInt(address), num_chunks_execute: 1, cs_flags: flags, timeout });
    return { errno: c.errno, seq: c.errno === 0 ? (c.out['seq'] as bigint) : 0n };
  }

  /** WAIT_CS: errno, status and how much virtual time passed. */
  wait(slot: number, seq: bigint, timeoutUs: bigint): { errno: number; status: number; elapsed: number } {
    const before = this.system.device.clock.now;
    const c = this.call(slot, 'DRM_IOCTL_HL_WAIT_CS', { seq, timeout_us: timeoutUs });
    return { errno: c.errno, status: c.out['status'] as number, elapsed: this.system.device.clock.now - before };
  }

  alloc(slot: number, size: bigint): bigint {
    const c = this.call(slot, 'DRM_IOCTL_HL_MEMORY', { op: this.k('HL_MEM_OP_ALLOC'), alloc: { mem_size: size, page_size: 0n } });
    this.must(`MEM alloc of ${size}`, c.errno);
    return c.out['handle'] as bigint;
  }

  mapDevice(slot: number, handle: bigint): bigint {
    const c = this.call(slot, 'DRM_IOCTL_HL_MEMORY', { op: this.k('HL_MEM_OP_MAP'), map_device: { handle, hint_addr: 0n } });
    this.must('MEM map', c.errno);
    return c.out['device_virt_addr'] as bigint;
  }

  /** Host memory of `size` bytes holding `fill`, mapped into the device: its address and device address. */
  mapHost(slot: number, size: number, fill: number): { address: number; va: bigint } {
    const address = this.system.buffer(this.system.slot(slot), new Uint8Array(size).fill(fill), { canary: false });
    const c = this.call(slot, 'DRM_IOCTL_HL_MEMORY', { op: this.k('HL_MEM_OP_MAP'), flags: this.k('HL_MEM_USERPTR'), map_host: { host_virt_addr: BigInt(address), mem_size: BigInt(size), hint_addr: 0n } });
    this.must('MEM map host', c.errno);
    return { address, va: c.out['device_virt_addr'] as bigint };
  }

  unmap(slot: number, va: bigint): void {
    this.must('MEM unmap', this.call(slot, 'DRM_IOCTL_HL_MEMORY', { op: this.k('HL_MEM_OP_UNMAP'), unmap: { device_virt_addr: va } }).errno);
  }

  free(slot: number, handle: bigint): void {
    this.must('MEM free', this.call(slot, 'DRM_IOCTL_HL_MEMORY', { op: this.k('HL_MEM_OP_FREE'), free: { handle } }).errno);
  }

  /** Submits `stream` on `queue` and waits a virtual second for it; it must complete. */
  run(slot: number, stream: Uint8Array, queue: number): void {
    const s = this.submit(slot, stream, queue);
    this.must('CS submit', s.errno);
    const w = this.wait(slot, s.seq, 1_000_000n);
    this.must('WAIT_CS', w.errno);
    ensure(w.status === this.k('HL_WAIT_CS_STATUS_COMPLETED'), 'D14/model-expected-result', () => `a one-second wait for a short submission ended with status ${w.status}`);
  }

  read(slot: number, address: number, length: number): Uint8Array {
    return this.system.read(this.system.slot(slot), address, length) ?? new Uint8Array();
  }

  /** A queue plain submissions may use. */
  get queue(): number {
    return this.system.device.config.queues.find((q) => q.kind !== 'cpu')?.id ?? 0;
  }
}

/** Why a scenario cannot run on this spec: the ioctls and constants it uses that the spec lacks. */
export function scriptProblem(ctx: SuiteContext, ioctls: readonly string[], constants: readonly string[]): string | undefined {
  const missing = [
    ...ioctls.filter((n) => !ctx.spec.ioctls.some((i) => i.name === n)),
    ...constants.filter((n) => !ctx.spec.constants.some((c) => c.name === n)),
  ];
  return missing.length > 0 ? `the scenario needs ${missing.join(', ')}, which the spec does not define` : undefined;
}
