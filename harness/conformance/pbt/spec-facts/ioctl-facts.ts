import { codecFor, codecForNode, type TypeCodec } from '../../../core/codec';
import type { Abi } from '../../../core/layout/abi';
import { encodeRequest } from '../../../core/layout/ioctl-encoding';
import type { FailureClass, IoctlDecl, IoctlDir, Spec, TypeNode } from '../../../core/model/model';
import { expectedErrno } from './errno-conventions';
import { isInputSite, isOutputSite, recordSites, type FieldSite, type Shape, type SiteKind } from './field-sites';

/** A record the driver reads or writes, compiled for one ABI. */
export interface RecordFacts {
  readonly name: string;
  readonly codec: TypeCodec;
  readonly sites: readonly FieldSite[];
  readonly shape: Shape;
}

/** What the spec says about one ioctl on one ABI: its request, its records, its errno per failure class. */
export interface IoctlFacts {
  readonly decl: IoctlDecl;
  readonly name: string;
  readonly abi: Abi;
  /** `_IOC_SIZE` of the argument on this ABI (0 for `_IO`). */
  readonly size: number;
  /** The request number a client of this spec sends on this ABI. */
  readonly request: number;
  /** The record the driver reads (the `in` member of an in/out union, or the argument itself). */
  readonly input: RecordFacts | undefined;
  /** The record the driver writes back (the `out` member, or the argument itself). */
  readonly output: RecordFacts | undefined;
  /** Records the driver reads through the input's user pointers (`elementType`), by name. */
  readonly pointed: ReadonlyMap<string, RecordFacts>;
  /** Every errno the spec allows this ioctl to return, 0 included. */
  readonly declared: ReadonlySet<number>;
  /** The request with another argument size or direction (older or newer callers, wrong encodings). */
  requestFor(size: number, dir?: IoctlDir): number;
  errnoOf(cls: FailureClass): number;
}

const CLASS_OF_KIND: { readonly [K in SiteKind]: readonly FailureClass[] } = {
  zero: ['nonzeroPad'], flags: ['unknownFlags'], oneOf: ['badValue'], handle: ['staleHandle', 'foreignHandle'],
  userPointer: ['badPointer'], sizeOfStruct: ['badValue'], plain: [],
};

/** For an `{in, out}` union argument, the member record annotated with `dir`; otherwise the argument itself. */
function memberRecord(spec: Spec, arg: TypeNode | undefined, dir: 'in' | 'out'): string | undefined {
  if (arg === undefined || arg.kind !== 'ref' || arg.tag === 'enum') return undefined;
  const r = spec.records.find((x) => x.name === arg.name);
  if (r === undefined) return undefined;
  if (r.kind !== 'union') return r.name;
  const m = r.members.find((x) => x.annotations?.dir === dir && x.type.kind === 'ref');
  if (m !== undefined && m.type.kind === 'ref') return m.type.name;
  return r.name;
}

function recordFacts(spec: Spec, abi: Abi, name: string | undefined): RecordFacts | undefined {
  if (name === undefined) return undefined;
  const codec = codecFor(spec, abi, name);
  if (codec === undefined) return undefined;
  const { sites, shape } = recordSites(codec.plan, name);
  return { name, codec, sites, shape };
}

export function ioctlFacts(spec: Spec, abi: Abi, decl: IoctlDecl): IoctlFacts {
  const size = decl.arg !== undefined ? codecForNode(spec, abi, decl.arg).size : 0;
  const input = decl.dir === 'w' || decl.dir === 'rw' ? recordFacts(spec, abi, memberRecord(spec, decl.arg, 'in')) : undefined;
  const output = decl.dir === 'r' || decl.dir === 'rw' ? recordFacts(spec, abi, memberRecord(spec, decl.arg, 'out')) : undefined;
  const pointed = new Map<string, RecordFacts>();
  for (const s of input?.sites ?? []) {
    const t = s.annotations?.userPointer?.elementType;
    if (t === undefined || pointed.has(t) || !spec.records.some((r) => r.name === t)) continue;
    const f = recordFacts(spec, abi, t);
    if (f !== undefined) pointed.set(t, f);
  }
  const classes = new Set<FailureClass>(['badPointer']);
  for (const s of [...(input?.sites ?? []).filter(isInputSite), ...[...pointed.values()].flatMap((p) => p.sites)]) {
    for (const c of CLASS_OF_KIND[s.kind]) classes.add(c);
  }
  if (decl.tail === 'reject') classes.add('longerTail');
  const declared = new Set<number>([0]);
  for (const name of Object.keys(decl.errno ?? {}) as FailureClass[]) declared.add(expectedErrno(decl, name).errno);
  for (const c of classes) declared.add(expectedErrno(decl, c).errno);
  return {
    decl, name: decl.name, abi, size,
    request: encodeRequest(abi.ioctl, decl.dir, decl.type, decl.nr, size),
    input, output, pointed, declared,
    requestFor: (s, dir) => encodeRequest(abi.ioctl, dir ?? decl.dir, decl.type, decl.nr, s),
    errnoOf: (cls) => expectedErrno(decl, cls).errno,
  };
}

/** Input sites whose fault the spec predicts outright: outside every union, and input. */
export function unconditionalInputSites(r: RecordFacts | undefined): FieldSite[] {
  return (r?.sites ?? []).filter((s) => !s.conditional && isInputSite(s));
}

/** Output pad/reserved sites outside unions: zero after every successful call (no info leak). */
export function unconditionalOutputPads(r: RecordFacts | undefined): FieldSite[] {
  return (r?.sites ?? []).filter((s) => !s.conditional && s.kind === 'zero' && isOutputSite(s));
}
