import type { Abi } from '../layout/abi';
import { issue } from '../diagnostics/issue';
import { CODEC_CODES, type CodecError } from './codec-error';
import { HELPERS } from './_internals/helpers';
import { ReaderGenerator } from './_internals/generate-reader';
import { WriterGenerator } from './_internals/generate-writer';
import type { PlanNode } from './plan';

/** A write input: any part of a value may be left out (it is written as zero). */
export type WriteInput<V> =
  V extends bigint | number ? V | number | bigint
  : V extends readonly (infer E)[] ? ArrayLike<WriteInput<E>>
  : V extends object ? { readonly [K in keyof V]?: WriteInput<V[K]> }
  : V;

/**
 * What `read` returns for a DSL type: like `Infer<>`, but every union member is present (reading
 * decodes all of them from the same bytes, as C lets you read any member).
 */
export type Decoded<V> =
  V extends bigint | number ? V
  : V extends readonly (infer E)[] ? Decoded<E>[]
  : V extends object ? { [K in keyof V]-?: Decoded<Exclude<V[K], undefined>> }
  : V;

export type CodecResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodecError };

type ReadFn = (dv: DataView, offset: number) => unknown;
type WriteFn = (dv: DataView, offset: number, value: unknown) => CodecError | undefined;

/**
 * The compiled reader and writer of one type on one ABI. `read`/`write` work in place on a DataView
 * and are what hot paths call; `encode`/`decode` allocate and bounds-check for everyone else.
 */
export class TypeCodec<V = unknown> {
  /** The name paths start with: the record's name, or the C spelling of the type. */
  readonly name: string;
  readonly abi: Abi;
  readonly size: number;
  readonly plan: PlanNode;
  private readonly readFn: ReadFn;
  private readonly writeFn: WriteFn;

  constructor(name: string, abi: Abi, plan: PlanNode) {
    this.name = name;
    this.abi = abi;
    this.size = plan.size;
    this.plan = plan;
    const reader = new ReaderGenerator().generate(plan);
    const writer = new WriterGenerator().generate(plan, name);
    // Generated once per (type, ABI): straight-line code that V8 optimises like hand-written
    // accessors. Only numbers and JSON-quoted names from the validated spec are spliced in.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const make = new Function('h', `"use strict";\n${reader}\n${writer}\nreturn { read, write };`) as
      (h: typeof HELPERS) => { read: ReadFn; write: WriteFn };
    const fns = make(HELPERS);
    this.readFn = fns.read;
    this.writeFn = fns.write;
  }

  /** Reads the value at `offset`; the caller guarantees `size` bytes are there. */
  read(view: DataView, offset: number): V {
    return this.readFn(view, offset) as V;
  }

  /**
   * Writes `value` at `offset` (the caller guarantees `size` bytes). Returns the first field that
   * does not fit; the bytes are then partly written and must not be used.
   */
  write(view: DataView, offset: number, value: WriteInput<V>): CodecError | undefined {
    return this.writeFn(view, offset, value);
  }

  /** A fresh buffer holding `value`; never writes outside `size` bytes; padding is zero. */
  encode(value: WriteInput<V>): CodecResult<Uint8Array> {
    const bytes = new Uint8Array(this.size);
    const error = this.writeFn(new DataView(bytes.buffer), 0, value);
    return error === undefined ? { ok: true, value: bytes } : { ok: false, error };
  }

  /** The value held by `bytes` from `offset`; an error when fewer than `size` bytes are there. */
  decode(bytes: Uint8Array, offset = 0): CodecResult<V> {
    if (!Number.isInteger(offset) || offset < 0 || bytes.length - offset < this.size) {
      return { ok: false, error: issue(CODEC_CODES.short, this.name, `needs ${this.size} bytes at offset ${offset}, the buffer holds ${bytes.length}`) };
    }
    return { ok: true, value: this.readFn(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset) as V };
  }
}
