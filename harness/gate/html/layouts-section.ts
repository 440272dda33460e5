import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { attr, html } from './escape';
import type { IdSource } from './ids';
import { legend } from './legend';
import { typeFigure } from './type-figure';

/** Struct and union names that ioctls take as their argument, in ioctl order. */
function ioctlArgumentTypes(spec: Spec): string[] {
  const names = spec.ioctls.flatMap((i) => (i.arg?.kind === 'ref' && i.arg.tag !== 'enum' ? [i.arg.name] : []));
  return [...new Set(names)];
}

/**
 * The byte maps of every named type of one working spec: the ioctl argument types first and open,
 * since they are what userspace passes; the other types folded below them.
 */
export function layoutsSection(spec: Spec, argument: string, abis: readonly Abi[], anchor: string, ids: IdSource): string {
  const args = ioctlArgumentTypes(spec);
  const others = spec.records.flatMap((r) => (r.name !== undefined && !args.includes(r.name) ? [r.name] : []));
  const figures = (names: readonly string[]): string => names.map((n) => typeFigure(spec, n, abis, ids)).join('');
  return `<section class="layouts" id="${attr(anchor)}"><h2>Layouts of ${html(`${spec.name} ${spec.version}`)} <span class="muted">(${html(argument)})</span></h2>`
    + `<p class="muted">${html(`One diagram per distinct layout on ${abis.map((a) => a.name).join(', ')}; eight bytes a row, offsets in bytes on the left. Hover a box for its full name, type and bytes.`)}</p>`
    + legend({ changes: false })
    + `<h3>ioctl argument types (${args.length})</h3>${args.length > 0 ? figures(args) : '<p class="muted">No ioctl takes a struct or union.</p>'}`
    + (others.length > 0 ? `<details><summary>Other types (${others.length})</summary>${figures(others)}</details>` : '')
    + '</section>';
}
