import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import type { ByteMap } from './byte-map-model';
import { byteMapSvg, type FieldNote } from './byte-map-svg';
import { attr, html } from './escape';
import { fieldChanges, layoutsDiffer } from './field-changes';
import type { IdSource } from './ids';
import { comparedGroups, type ComparedGroup } from './layout-groups';

function side(label: string, map: ByteMap | undefined, marks: ReadonlyMap<string, FieldNote>, kind: string, name: string, abis: readonly string[], ids: IdSource): string {
  if (map === undefined) return `<div class="side ${kind}"><div class="side-head">${html(label)}</div><p class="absent">no ${html(name)} in this version</p></div>`;
  const title = `${map.kind} ${name} in ${label} on ${abis.join(', ')}: ${map.size} bytes`;
  return `<div class="side ${kind}"><div class="side-head">${html(label)} <span class="muted">${html(`${map.size} bytes`)}</span></div>`
    + `${byteMapSvg(map, { id: ids('diff', kind, name, abis[0] ?? ''), title, marks })}</div>`;
}

function pair(g: ComparedGroup, name: string, labels: { old: string; new: string }, ids: IdSource): string | undefined {
  const none = new Map<string, FieldNote>();
  if (g.old !== undefined && g.new !== undefined) {
    const marks = fieldChanges(g.old, g.new);
    if (!layoutsDiffer(g.old, g.new, marks)) return undefined;
    return `<div class="pair"><div class="pair-head">${html(g.abis.join(' · '))}</div><div class="sides">`
      + side(labels.old, g.old, marks.old, 'old', name, g.abis, ids) + side(labels.new, g.new, marks.new, 'new', name, g.abis, ids) + '</div></div>';
  }
  if (g.old === undefined) return undefined; // an added type breaks nothing and has nothing to compare
  const removed = new Map(g.old.fields.map((f): [string, FieldNote] => [f.name, { mark: 'removed' }]));
  return `<div class="pair"><div class="pair-head">${html(g.abis.join(' · '))}</div><div class="sides">`
    + side(labels.old, g.old, removed, 'old', name, g.abis, ids) + side(labels.new, undefined, none, 'new', name, g.abis, ids) + '</div></div>';
}

/**
 * One type of a comparison: for each group of ABIs where its layout changed, the old and the new byte
 * map side by side with the changed fields marked. Empty when the layout is the same everywhere.
 */
export function compareFigure(oldSpec: Spec, newSpec: Spec, name: string, abis: readonly Abi[], labels: { old: string; new: string }, ids: IdSource): string {
  const drawn = comparedGroups(oldSpec, newSpec, name, abis).map((g) => ({ g, html: pair(g, name, labels, ids) }));
  const pairs = drawn.flatMap((d) => (d.html !== undefined ? [d.html] : []));
  if (pairs.length === 0) return '';
  const unchanged = drawn.filter((d) => d.html === undefined && d.g.old !== undefined).flatMap((d) => d.g.abis);
  const same = unchanged.length > 0 ? ` <span class="muted">${html(`(layout unchanged on ${unchanged.join(', ')})`)}</span>` : '';
  const kind = oldSpec.records.find((r) => r.name === name)?.kind ?? newSpec.records.find((r) => r.name === name)?.kind ?? 'struct';
  const id = ids('changed', name);
  return `<figure class="compare" id="${attr(id)}"><figcaption><a class="self" href="#${attr(id)}"><code>${html(`${kind} ${name}`)}</code></a>${same}</figcaption>${pairs.join('')}</figure>`;
}
