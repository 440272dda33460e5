import type { RecordLayout } from '../../core/layout/engine';
import type { SideContext } from './context';
import type { Rule } from './rule';
import * as R from './rules';

/**
 * How every use of a type takes a caller struct of another size: `tolerant` (a size-extensible ioctl
 * argument, a clamped payload, or the last member / a union arm of such a type), `exact` (an array
 * element, an ioctl whose dispatch needs the old request, a member in the middle), `table` (an ioctl of
 * a command table indexed by _IOC_NR), or `unknown` when nothing in the uAPI carries it.
 */
type Tolerance = 'tolerant' | 'table' | 'exact' | 'unknown';

const worst = (a: Tolerance, b: Tolerance): Tolerance => {
  const order: readonly Tolerance[] = ['exact', 'table', 'unknown', 'tolerant'];
  return order.indexOf(a) <= order.indexOf(b) ? a : b;
};

/**
 * A member grows inside its parent without moving anything when the parent keeps its layout (a union
 * arm under a larger arm such as `raw_data[200]` or `pad[120]`, a last member growing into tail
 * padding): every old field of the parent stays where it was and the parent's size, and so every
 * request number, is unchanged.
 */
function tolerance(name: string, ctx: SideContext, layoutKept: (record: string) => boolean, seen: ReadonlySet<string> = new Set()): Tolerance {
  const uses = ctx.uses.get(name) ?? [];
  if (uses.length === 0 || seen.has(name)) return 'unknown';
  const next = new Set([...seen, name]);
  let t: Tolerance = 'tolerant';
  for (const u of uses) {
    const here: Tolerance = u.kind === 'ioctl-arg' ? u.dispatch
      : u.kind === 'payload' ? 'tolerant'
        : u.kind === 'array-element' ? 'exact'
          : layoutKept(u.parent) ? 'tolerant' : u.atEnd ? tolerance(u.parent, ctx, layoutKept, next) : 'exact';
    t = worst(t, here);
  }
  return t;
}

// The kernel's self-sizing convention: the caller states the size of what it passes (vfio's `argsz`,
// iommufd's and perf_event_attr's `size`), so the kernel can tell an old, shorter struct apart.
const SIZE_FIELD = /^(argsz|size|struct_size|sz)$/;
const SIZE_FIELD_WITHIN = 16;

function sizeField(r: RecordLayout): string | undefined {
  return r.members.find((m) => m.name !== undefined && SIZE_FIELD.test(m.name) && m.offset < SIZE_FIELD_WITHIN)?.name;
}

/** The rule and message for a type that grew at its end with nothing before its old end moved. */
export function growth(name: string, newR: RecordLayout, oldSize: number, ctx: SideContext, layoutKept: (record: string) => boolean): { rule: Rule; message: string } {
  const base = `size ${oldSize} -> ${newR.size}, grown at the end`;
  const t = tolerance(name, ctx, layoutKept);
  switch (t) {
    case 'tolerant':
      return { rule: R.STRUCT_GROWN_AT_END, message: `${base}; every use is size-tolerant (dispatch on _IOC_NR with zero-extension, output clamped to the caller's size, or a parent that kept its layout)` };
    case 'exact':
      return { rule: R.STRUCT_SIZE_CHANGED, message: `${base}; it travels where the size is fixed (an ioctl whose request encodes it and whose driver is not known to dispatch on _IOC_NR, an array element, or a member before others)` };
    case 'table':
      return { rule: R.STRUCT_GROWN_DISPATCH_DEPENDENT, message: `${base}; its ioctl belongs to a command table indexed by _IOC_NR (the header declares the command range): compatible if the driver zero-extends a shorter caller struct as DRM does. Check the driver's ioctl table, then declare it sizeExtensible in a spec or waive it` };
    case 'unknown': {
      const field = sizeField(newR);
      if (field !== undefined) {
        return { rule: R.STRUCT_GROWN_SIZE_FIELD, message: `${base}; it carries its own size in \`${field}\`, so the kernel can tell old callers by it: compatible if the kernel reads only \`${field}\` bytes and treats the rest as zero. Check the driver, then declare it in a spec or waive it` };
      }
      return { rule: R.STRUCT_GROWN_NOT_CARRIED, message: `${base}; no ioctl of this uAPI carries it (a syscall argument, a type passed behind _IO, a pointer and a length, or an output clamped to a caller's size): compatible if every user passes and honours the caller's size. Check how it travels, then declare it in a spec or waive it` };
    }
  }
}
