import type { WriteInput } from '../../../core/codec';
import type { IoctlFacts } from '../spec-facts/ioctl-facts';
import type { CallOptions, Slot, System } from './system';

/** The decoded answer of a call: the errno and the output record as the caller reads it. */
export interface ValueOutcome {
  readonly errno: number;
  readonly out: Readonly<Record<string, unknown>>;
  readonly bytes: Uint8Array;
}

/** The facts of an ioctl the suite needs; an exception names it when the spec has none (a stage bug). */
export function needIoctl(system: System, name: string): IoctlFacts {
  const f = system.facts.ioctl(name);
  if (f === undefined) throw new Error(`the spec has no ioctl ${name}`);
  return f;
}

/** A constant of the client's spec as a number (the suite's constants all fit). */
export function needConstant(system: System, name: string): number {
  const v = system.facts.constant(name);
  if (v === undefined) throw new Error(`the spec has no constant ${name}`);
  return Number(v);
}

/**
 * Encodes `value` (field names as C spells them) as the ioctl's input record, makes the call through
 * {@link System.call} (so every universal invariant is checked) and decodes the output record.
 */
export function callValue(system: System, slot: Slot, ioctl: IoctlFacts | string, value: WriteInput<Record<string, unknown>>, options: CallOptions = {}): ValueOutcome {
  const f = typeof ioctl === 'string' ? needIoctl(system, ioctl) : ioctl;
  const image = new Uint8Array(f.size);
  if (f.input !== undefined) {
    const error = f.input.codec.write(new DataView(image.buffer), 0, value);
    if (error !== undefined) throw new Error(`${f.name}: ${error.path}: ${error.message}`);
  }
  const r = system.call(slot, f, image, options);
  const size = Math.min(r.bytes.length, f.size);
  let out: Record<string, unknown> = {};
  if (f.output !== undefined && size >= f.output.codec.size) {
    out = f.output.codec.read(new DataView(r.bytes.buffer, r.bytes.byteOffset, size), 0) as Record<string, unknown>;
  }
  return { errno: r.errno, out, bytes: r.bytes };
}
