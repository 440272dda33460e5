import type { IoctlDecl, Spec } from '../../core/model/model';

/**
 * How a driver serves an ioctl whose caller passes a struct of another size than its own:
 * - `tolerant`: declared size-extensible in a spec, or a DRM ioctl in a bare header (drm_ioctl()
 *   dispatches on _IOC_NR, copies min(user, kernel) bytes and zero-fills the rest);
 * - `table`: the header declares the range of its command numbers (`AMDKFD_COMMAND_START`/`_END`,
 *   `HL_COMMAND_START`/`_END`), the mark of a driver that indexes a table by _IOC_NR as DRM does;
 *   whether it also zero-extends, the header cannot show;
 * - `exact`: nothing says so, and a driver that compares whole request numbers no longer knows the
 *   old one.
 */
export type Dispatch = 'tolerant' | 'table' | 'exact';

/** DRM's ioctl type character, 'd': drm_ioctl() dispatches on _IOC_NR and zero-extends. */
export const DRM_TYPE = 0x64;
const RANGE_START = /^(.*)_COMMAND_(START|BASE|FIRST)$/;

/** nr ranges `[start, end]` of command tables the header declares (`X_COMMAND_START` with `X_COMMAND_END`). */
function commandRanges(spec: Spec): { start: bigint; end: bigint }[] {
  const byName = new Map(spec.constants.map((c) => [c.name, c.value]));
  const out: { start: bigint; end: bigint }[] = [];
  for (const c of spec.constants) {
    const m = RANGE_START.exec(c.name);
    if (m === null) continue;
    const end = byName.get(`${m[1] as string}_COMMAND_END`) ?? byName.get(`${m[1] as string}_COMMAND_LAST`);
    if (end !== undefined && end >= c.value) out.push({ start: c.value, end });
  }
  return out;
}

export function dispatchOf(spec: Spec, headerMode: boolean): (i: IoctlDecl) => Dispatch {
  const ranges = headerMode ? commandRanges(spec) : [];
  return (i) => {
    if (i.sizeExtensible === true) return 'tolerant';
    if (i.sizeExtensible === false || !headerMode) return 'exact';
    if (i.type === DRM_TYPE) return 'tolerant';
    const nr = BigInt(i.nr);
    return ranges.some((r) => nr >= r.start && nr <= r.end) ? 'table' : 'exact';
  };
}
