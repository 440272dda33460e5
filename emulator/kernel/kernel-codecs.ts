import { codecFor, type Decoded, type TypeCodec } from '../../harness/core/codec';
import { issue, type Issue } from '../../harness/core/diagnostics/issue';
import type { Abi } from '../../harness/core/layout/abi';
import type { Infer } from '../../harness/core/model/dsl/infer';
import type { Spec } from '../../harness/core/model/model';
import type * as cb from '../../specs/habanalabs/cb';
import type * as cs from '../../specs/habanalabs/cs';
import type * as debug from '../../specs/habanalabs/debug';
import type * as info from '../../specs/habanalabs/info';
import type * as mem from '../../specs/habanalabs/memory';
import type * as wait from '../../specs/habanalabs/wait-cs';

// The values the handlers read and write, typed from the spec's own declarations.
export type InfoArgs = Decoded<Infer<typeof info.hl_info_args>>;
export type CbIn = Decoded<Infer<typeof cb.hl_cb_in>>;
export type CbOut = Decoded<Infer<typeof cb.hl_cb_out>>;
export type CsIn = Decoded<Infer<typeof cs.hl_cs_in>>;
export type CsOut = Decoded<Infer<typeof cs.hl_cs_out>>;
export type CsChunk = Decoded<Infer<typeof cs.hl_cs_chunk>>;
export type WaitCsIn = Decoded<Infer<typeof wait.hl_wait_cs_in>>;
export type WaitCsOut = Decoded<Infer<typeof wait.hl_wait_cs_out>>;
export type MemIn = Decoded<Infer<typeof mem.hl_mem_in>>;
export type MemOut = Decoded<Infer<typeof mem.hl_mem_out>>;
export type DebugArgs = Decoded<Infer<typeof debug.hl_debug_args>>;

/** Record types the emulated driver reads or writes; a spec without one cannot drive it. */
export const REQUIRED_TYPES = [
  'hl_info_args', 'hl_cb_in', 'hl_cb_out', 'hl_cs_in', 'hl_cs_out', 'hl_cs_chunk', 'hl_wait_cs_in', 'hl_wait_cs_out',
  'hl_mem_in', 'hl_mem_out', 'hl_debug_args', 'hl_user_mapping',
  'hl_debug_params_etr', 'hl_debug_params_etf', 'hl_debug_params_stm', 'hl_debug_params_bmon', 'hl_debug_params_spmu',
] as const;

/**
 * The codecs of the driver's structs on the kernel's ABI, compiled once per device and ABI. INFO
 * answers are found through the spec: the payload each `hl_info_op` value names.
 */
export class KernelCodecs {
  readonly abi: Abi;
  readonly infoArgs: TypeCodec<InfoArgs>;
  readonly cbIn: TypeCodec<CbIn>;
  readonly cbOut: TypeCodec<CbOut>;
  readonly csIn: TypeCodec<CsIn>;
  readonly csOut: TypeCodec<CsOut>;
  readonly csChunk: TypeCodec<CsChunk>;
  readonly waitIn: TypeCodec<WaitCsIn>;
  readonly waitOut: TypeCodec<WaitCsOut>;
  readonly memIn: TypeCodec<MemIn>;
  readonly memOut: TypeCodec<MemOut>;
  readonly debugArgs: TypeCodec<DebugArgs>;
  /** INFO answer codec per op value (the spec's payload of that hl_info_op constant). */
  readonly infoPayload: readonly (TypeCodec | undefined)[];
  /** DEBUG parameter codec per op value (payload of that hl_debug_op constant). */
  readonly debugPayload: readonly (TypeCodec | undefined)[];
  private readonly spec: Spec;

  private constructor(spec: Spec, abi: Abi) {
    this.spec = spec;
    this.abi = abi;
    const get = <V>(name: string): TypeCodec<V> => codecFor<V>(spec, abi, name) as TypeCodec<V>;
    this.infoArgs = get('hl_info_args');
    this.cbIn = get('hl_cb_in');
    this.cbOut = get('hl_cb_out');
    this.csIn = get('hl_cs_in');
    this.csOut = get('hl_cs_out');
    this.csChunk = get('hl_cs_chunk');
    this.waitIn = get('hl_wait_cs_in');
    this.waitOut = get('hl_wait_cs_out');
    this.memIn = get('hl_mem_in');
    this.memOut = get('hl_mem_out');
    this.debugArgs = get('hl_debug_args');
    this.infoPayload = this.payloads('hl_info_op');
    this.debugPayload = this.payloads('hl_debug_op');
  }

  /** For a value group whose members name payload types: the codec of each value's payload. */
  private payloads(group: string): (TypeCodec | undefined)[] {
    const out: (TypeCodec | undefined)[] = [];
    for (const c of this.spec.constants) {
      if (c.group === group && c.payload !== undefined && c.value >= 0n && c.value < 256n) out[Number(c.value)] = codecFor(this.spec, this.abi, c.payload);
    }
    return out;
  }

  /** Any other record of the spec by name (debug parameters, hl_user_mapping). */
  named<V = Record<string, unknown>>(name: string): TypeCodec<V> {
    return codecFor<V>(this.spec, this.abi, name) as TypeCodec<V>;
  }

  static create(spec: Spec, abi: Abi): { codecs?: KernelCodecs; issues: Issue[] } {
    const names = new Set(spec.records.map((r) => r.name));
    const missing = REQUIRED_TYPES.filter((t) => !names.has(t));
    if (missing.length > 0) {
      return { issues: missing.map((t) => issue('EMULATOR_SPEC_TYPE', `struct ${t}`, `the emulator needs ${t}, which spec ${spec.name} ${spec.version} does not declare`)) };
    }
    return { codecs: new KernelCodecs(spec, abi), issues: [] };
  }
}
