import * as fc from 'fast-check';
import { E } from '../../emulator/errno';
import { createDevice } from '../../emulator/device/create-device';
import { Process } from '../../emulator/process/process';
import { valueArbitrary } from '../../harness/codec';
import { findAbi, type Abi } from '../../harness/layout/abi';
import { IoctlCaller, SCRATCH } from '../../harness/runtime/ioctl-caller';
import type { Benchmark } from '../benchmark';

/** Property runs per operation: each run is one ioctl, so the rate is ioctls per second. */
const RUNS_PER_OPERATION = 100;
/** Live command buffers the property keeps at most; past that a create becomes a destroy. */
const MAX_LIVE_BUFFERS = 64;
const KNOWN_ERRNOS: ReadonlySet<number> = new Set([0, ...Object.values(E)]);

type Row = Record<string, unknown>;

/**
 * ioctls per second driven by fast-check through the runtime's ioctl path: each property run draws
 * one DRM_IOCTL_HL_INFO or DRM_IOCTL_HL_CB call, encodes its argument with the codec into the
 * process's memory and makes the ioctl; the property is that the kernel entry answers with success or
 * a known errno (never throws, never an unknown number). The argument values come from the codec's
 * arbitraries for hl_info_args and hl_cb_in, with the fields that pick the path (opcode, flags, answer
 * buffer, buffer handle) drawn from the spec's values so that most calls reach a handler.
 *
 * Stand-in until the property suite (harness/pbt) lands: then this should time that suite's quick
 * run instead and count its ioctls.
 */
export const pbtIoctlsBenchmark: Benchmark = {
  name: 'pbt.ioctls_per_s',
  unit: 'ioctls/s',
  description: 'fast-check property: random INFO/CB ioctls from the codec arbitraries through runtime + kernel entry',
  setup() {
    const { device, issues } = createDevice();
    if (device === undefined) throw new Error(`bench: cannot create the device: ${issues.map((i) => i.message).join('; ')}`);
    const spec = device.spec;
    const opened = IoctlCaller.open(new Process(findAbi('x86_64') as Abi), device, spec, 'compute');
    if (!opened.ok) throw new Error(`bench: cannot open the device (errno ${opened.errno})`);
    const caller = opened.value;
    const infoCodec = caller.codec<Row>('hl_info_args');
    const cbCodec = caller.codec<Row>('hl_cb_in');
    if (infoCodec === undefined || cbCodec === undefined) throw new Error('bench: the spec lacks hl_info_args or hl_cb_in');
    const infoOps = spec.constants.filter((c) => c.group === 'hl_info_op').map((c) => Number(c.value));
    const cbOp = (name: string): number => caller.constant(name) ?? -1;
    const [create, destroy, info] = [cbOp('HL_CB_OP_CREATE'), cbOp('HL_CB_OP_DESTROY'), cbOp('HL_CB_OP_INFO')];
    if (infoOps.length === 0 || create < 0) throw new Error('bench: the spec lacks the INFO opcodes or HL_CB_OP_CREATE');
    const cbFlags = spec.constants.filter((c) => c.group === 'hl_cb_flags').map((c) => Number(c.value));
    const answer = BigInt(caller.scratch + SCRATCH.out);
    const live: bigint[] = [];

    const infoCall = fc.tuple(valueArbitrary(infoCodec.plan), fc.constantFrom(...infoOps), fc.integer({ min: 0, max: SCRATCH.array - SCRATCH.out }))
      .map(([v, op, size]) => (): number => {
        const put = caller.put(infoCodec, SCRATCH.arg, { ...(v as Row), op, return_pointer: answer, return_size: size, pad: 0 });
        return put.ok ? caller.call('DRM_IOCTL_HL_INFO') : put.errno;
      });
    const cbCall = fc.tuple(valueArbitrary(cbCodec.plan), fc.constantFrom(create, destroy, info), fc.nat(), fc.integer({ min: 0, max: 2 * 1024 * 1024 }), fc.subarray(cbFlags))
      .map(([v, drawn, pick, size, flagBits]) => (): number => {
        const op = drawn === create && live.length >= MAX_LIVE_BUFFERS ? destroy : drawn;
        const handle = op === create || live.length === 0 ? 0n : (live[pick % live.length] as bigint);
        const put = caller.put(cbCodec, SCRATCH.arg, { ...(v as Row), op, cb_handle: handle, cb_size: size, ctx_id: 0, flags: flagBits.reduce((a, b) => a | b, 0) });
        if (!put.ok) return put.errno;
        const errno = caller.call('DRM_IOCTL_HL_CB');
        if (errno === 0 && op === create) live.push(caller.get(cbCodec, SCRATCH.arg)['cb_handle'] as bigint);
        if (errno === 0 && op === destroy) live.splice(live.indexOf(handle), 1);
        return errno;
      });
    const property = fc.property(fc.oneof(infoCall, cbCall), (call) => KNOWN_ERRNOS.has(call()));
    let seed = 0;
    return {
      itemsPerRun: RUNS_PER_OPERATION,
      run: () => fc.check(property, { seed: seed++, numRuns: RUNS_PER_OPERATION }).failed === false,
      teardown: () => { caller.close(); },
    };
  },
};
