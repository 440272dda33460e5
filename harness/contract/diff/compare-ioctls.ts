import type { Abi } from '../../core/layout/abi';
import type { SourceLoc } from '../../core/model/model';
import { layoutEngine } from '../../core/layout/engine';
import { ioctlViews, type IoctlView } from '../../core/layout/spec-layout';
import type { SideContext } from './context';
import * as R from './rules';
import type { ChangeSink } from './sink';

const hex = (n: number): string => `0x${n.toString(16)}`;
const typeChar = (t: number): string => (t >= 0x20 && t < 0x7f ? `'${String.fromCharCode(t)}'` : hex(t));

/** ioctl request numbers and their parts on one ABI; additions, removals and renames. */
export function compareIoctls(oldCtx: SideContext, newCtx: SideContext, abi: Abi, sink: ChangeSink): void {
  const oldViews = ioctlViews(oldCtx.spec, layoutEngine(oldCtx.spec, abi));
  const newViews = ioctlViews(newCtx.spec, layoutEngine(newCtx.spec, abi));
  const newByName = new Map(newViews.map((v) => [v.name, v]));
  const oldByName = new Map(oldViews.map((v) => [v.name, v]));
  const newDecl = new Map(newCtx.spec.ioctls.map((d) => [d.name, d]));
  const oldDecl = new Map(oldCtx.spec.ioctls.map((d) => [d.name, d]));
  // Names that hold a plain value on the new side: constants and enumerators alike.
  const newConstants = new Map<string, { value: bigint; loc?: SourceLoc }>([
    ...newCtx.spec.enums.flatMap((e) => e.values.map((v) => [v.name, { value: v.value, ...(v.loc !== undefined ? { loc: v.loc } : {}) }] as const)),
    ...newCtx.spec.constants.map((c) => [c.name, c] as const),
  ]);
  const subject = (v: IoctlView): string => `ioctl ${v.name}`;

  for (const o of oldViews) {
    const n = newByName.get(o.name);
    const od = oldDecl.get(o.name);
    if (n === undefined) {
      const renamed = newViews.find((x) => x.request === o.request && !oldByName.has(x.name));
      const constant = newConstants.get(o.name);
      if (constant !== undefined && constant.value === BigInt(o.request)) {
        sink.emit(R.VALUE_KIND_CHANGED, subject(o), abi.name, hex(o.request), hex(o.request), `${o.name} is now a plain constant (an enumerator or #define) with the same request ${hex(o.request)}: binaries see the same number`, constant.loc);
      } else if (constant !== undefined) {
        sink.emit(R.IOCTL_BECAME_CONSTANT, subject(o), abi.name, hex(o.request), `${constant.value}`, `${o.name} was the request ${hex(o.request)} and is now the constant ${constant.value}: ioctl(fd, ${o.name}, ...) still compiles but passes ${constant.value}`, constant.loc);
      } else if (renamed !== undefined) {
        sink.emit(R.IOCTL_RENAMED, subject(o), abi.name, o.name, renamed.name, `request ${hex(o.request)} is now named ${renamed.name}`, newDecl.get(renamed.name)?.loc);
      } else if (o.name.startsWith('__')) {
        // `__KVM_DEPRECATED_MAIN_0x07`: a leading __ keeps a retired number reserved, not a call for userspace.
        sink.emit(R.INTERNAL_NAME_REMOVED, subject(o), abi.name, hex(o.request), null, `${o.name} (${hex(o.request)}) was removed; its leading __ marks it internal or retired, not a request for userspace. Check that the kernel no longer served it, then waive it`, od?.loc);
      } else {
        sink.emit(R.IOCTL_REMOVED, subject(o), abi.name, hex(o.request), null, `${o.name} (${hex(o.request)}) was removed: old binaries get ENOTTY`, od?.loc);
      }
      continue;
    }
    const nd = newDecl.get(n.name);
    const loc = nd?.loc;
    if (n.type !== o.type) sink.emit(R.IOCTL_TYPE_CHANGED, subject(n), abi.name, typeChar(o.type), typeChar(n.type), `type ${typeChar(o.type)} -> ${typeChar(n.type)}: request ${hex(o.request)} -> ${hex(n.request)}`, loc);
    if (n.nr !== o.nr) sink.emit(R.IOCTL_NR_CHANGED, subject(n), abi.name, hex(o.nr), hex(n.nr), `nr ${hex(o.nr)} -> ${hex(n.nr)}: request ${hex(o.request)} -> ${hex(n.request)}`, loc);
    if (n.dir !== o.dir) sink.emit(R.IOCTL_DIR_CHANGED, subject(n), abi.name, o.dir, n.dir, `direction ${o.dir} -> ${n.dir}: request ${hex(o.request)} -> ${hex(n.request)}`, loc);
    if (n.size !== o.size) {
      // Only the size grew: a driver that dispatches on _IOC_NR still serves the old request.
      const grewOnly = n.type === o.type && n.nr === o.nr && n.dir === o.dir && n.size > o.size;
      const dispatch = grewOnly && nd !== undefined ? newCtx.dispatchOf(nd) : 'exact';
      const rule = dispatch === 'tolerant' ? R.IOCTL_SIZE_EXTENDED : dispatch === 'table' ? R.IOCTL_SIZE_DISPATCH_DEPENDENT : R.IOCTL_SIZE_CHANGED;
      const why = dispatch === 'tolerant'
        ? 'the driver dispatches on _IOC_NR and zero-extends, so the old request keeps working'
        : dispatch === 'table'
          ? 'the header declares a command table indexed by _IOC_NR, so the old request reaches the same handler; it keeps working if the driver zero-extends a shorter struct (check the driver, then declare it sizeExtensible in a spec or waive it)'
          : newCtx.headerMode && grewOnly
            ? 'old binaries keep working only if the driver dispatches on _IOC_NR and zero-extends (DRM does; nothing in this header says this driver does): declare it sizeExtensible in a spec or waive it'
            : 'the old request number no longer matches';
      sink.emit(rule, subject(n), abi.name, o.size, n.size, `argument size ${o.size} -> ${n.size}, request ${hex(o.request)} -> ${hex(n.request)}: ${why}`, loc);
    }
    if (o.arg !== undefined && n.arg !== undefined && o.arg !== n.arg && n.size === o.size) {
      sink.emit(R.IOCTL_ARG_TYPE_RENAMED, subject(n), abi.name, o.arg, n.arg, `argument type ${o.arg} -> ${n.arg}`, loc);
    }
  }
  for (const n of newViews) {
    if (oldByName.has(n.name)) continue;
    if (oldViews.some((o) => o.request === n.request && !newByName.has(o.name))) continue; // a rename, reported above
    sink.emit(R.IOCTL_ADDED, subject(n), abi.name, null, hex(n.request), `${n.name} (${hex(n.request)}) was added`, newDecl.get(n.name)?.loc);
  }
}
