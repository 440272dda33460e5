import type { FailureClass, IoctlDecl, IoctlDir, SourceLoc, TailPolicy } from '../model';
import { callSite } from './call-site';
import type { Field } from './field';
import type { NamedBuilder } from './named';
import { asField, type RecordBuilder, type RecordKind, type Shape } from './record';

export interface IoctlDefinition {
  readonly dir: IoctlDir;
  /** The type byte: a one-character string such as `'d'`, or its code. */
  readonly type: string | number;
  readonly nr: number;
  readonly arg?: Field<unknown> | RecordBuilder<Shape, RecordKind>;
  readonly sizeExtensible?: boolean;
  readonly tail?: TailPolicy;
  readonly errno?: Readonly<Partial<Record<FailureClass, string>>>;
  readonly doc?: string;
}

export class IoctlBuilder {
  readonly decl: IoctlDecl;
  private readonly deps: readonly NamedBuilder[];

  constructor(name: string, d: IoctlDefinition, loc: SourceLoc | undefined) {
    const arg = d.arg !== undefined ? asField(d.arg, `ioctl ${name}: arg`, loc).source : undefined;
    this.deps = arg?.dependencies() ?? [];
    this.decl = {
      kind: 'ioctl',
      name,
      type: typeof d.type === 'string' ? (d.type.length === 1 ? d.type.charCodeAt(0) : Number.NaN) : d.type,
      nr: d.nr,
      dir: d.dir,
      ...(arg !== undefined ? { arg: arg.typeNode() } : {}),
      ...(d.sizeExtensible !== undefined ? { sizeExtensible: d.sizeExtensible } : {}),
      ...(d.tail !== undefined ? { tail: d.tail } : {}),
      ...(d.errno !== undefined ? { errno: d.errno } : {}),
      ...(d.doc !== undefined ? { doc: d.doc } : {}),
      ...(loc !== undefined ? { loc } : {}),
    };
  }

  dependencies(): readonly NamedBuilder[] { return this.deps; }
}

/** An ioctl command: `_IOWR(type, nr, arg)` is `ioctl(name, { dir: 'rw', type, nr, arg })`. */
export function ioctl(name: string, definition: IoctlDefinition): IoctlBuilder {
  return new IoctlBuilder(name, definition, callSite());
}
