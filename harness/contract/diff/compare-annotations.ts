import type { FieldAnnotations, IoctlDecl, Member, RecordDecl } from '../../core/model/model';
import type { SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';

type AnnotationKey = 'flags' | 'oneOf' | 'handle' | 'userPointer' | 'dir' | 'sizeOfStruct';
const KEYS: readonly AnnotationKey[] = ['flags', 'oneOf', 'handle', 'userPointer', 'dir', 'sizeOfStruct'];

function annotationsByPath(r: RecordDecl, prefix = '', out = new Map<string, { a: FieldAnnotations; m: Member }>()): Map<string, { a: FieldAnnotations; m: Member }> {
  for (const m of r.members) {
    if (m.type.kind === 'record') annotationsByPath(m.type.record, m.name !== undefined ? `${prefix}${m.name}.` : prefix, out);
    else if (m.name !== undefined) out.set(`${prefix}${m.name}`, { a: m.annotations ?? {}, m });
  }
  return out;
}

const show = (v: unknown): string => (v === undefined ? 'none' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/**
 * Behaviour promised by a spec's annotations. Compared only when both sides are specs: a bare header
 * has no annotations, and their absence is not a change of behaviour.
 */
export function compareAnnotations(oldCtx: SideContext, newCtx: SideContext, abis: readonly string[], sink: ChangeSink): void {
  if (oldCtx.headerMode || newCtx.headerMode) return;
  const oldIoctls = new Map(oldCtx.spec.ioctls.map((i) => [i.name, i]));
  for (const n of newCtx.spec.ioctls) {
    const o: IoctlDecl | undefined = oldIoctls.get(n.name);
    if (o === undefined) continue;
    const subject = `ioctl ${n.name}`;
    if (o.sizeExtensible === true && n.sizeExtensible !== true) {
      sink.emit(R.IOCTL_EXTENSIBILITY_DROPPED, subject, abis, true, false, `${n.name} is no longer size-extensible: callers built with another size are rejected`, n.loc);
    }
    if ((o.tail ?? null) !== (n.tail ?? null) && o.sizeExtensible === true && n.sizeExtensible === true) {
      sink.emit(R.IOCTL_TAIL_POLICY_CHANGED, subject, abis, o.tail ?? null, n.tail ?? null, `bytes beyond the struct are now ${n.tail === 'reject' ? 'rejected (E2BIG)' : 'ignored'}`, n.loc);
    }
    for (const [cls, errno] of Object.entries(o.errno ?? {})) {
      const now = (n.errno as Record<string, string | undefined> | undefined)?.[cls];
      if (now !== undefined && now !== errno) sink.emit(R.ERRNO_CHANGED, `${subject}.errno.${cls}`, abis, errno, now, `${cls} now fails with ${now} instead of ${errno}`, n.loc);
    }
  }
  const oldRecords = new Map(oldCtx.spec.records.flatMap((r) => (r.name !== undefined ? [[r.name, r] as const] : [])));
  for (const nr of newCtx.spec.records) {
    if (nr.name === undefined) continue;
    const or = oldRecords.get(nr.name);
    if (or === undefined) continue;
    const oldA = annotationsByPath(or);
    for (const [path, { a: na, m }] of annotationsByPath(nr)) {
      const o = oldA.get(path);
      if (o === undefined) continue;
      for (const k of KEYS) {
        const ov = show(o.a[k]);
        const nv = show(na[k]);
        // A new annotation on a field that had none documents existing behaviour; a change or removal alters it.
        if (ov !== nv && ov !== 'none') sink.emit(R.ANNOTATION_CHANGED, `${nr.kind} ${nr.name}.${path}`, abis, `${k}: ${ov}`, `${k}: ${nv}`, `${path}: ${k} ${ov} -> ${nv}`, m.loc);
      }
    }
  }
}
