import type { Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { byteMapSvg } from './byte-map-svg';
import { attr, html } from './escape';
import type { IdSource } from './ids';
import { alignText, layoutGroups } from './layout-groups';

/**
 * One type of the working spec: a byte map per distinct layout, each labelled with the ABIs it holds
 * for. A type drawn more than once is flagged: its layout differs between ABIs (lint rule S5).
 */
export function typeFigure(spec: Spec, name: string, abis: readonly Abi[], ids: IdSource): string {
  const groups = layoutGroups(spec, name, abis);
  const first = groups[0];
  if (first === undefined) return '';
  const id = ids('type', spec.name, name);
  const sizes = [...new Set(groups.map((g) => g.map.size))].join(' or ');
  const diverges = groups.length > 1
    ? ' <span class="badge warn" title="the byte layout is not the same on every ABI (lint rule S5)">differs between ABIs</span>'
    : '';
  const maps = groups.map((g) => {
    const title = `${first.map.kind} ${name} on ${g.abis.join(', ')}: ${g.map.size} bytes`;
    return `<div class="map"><div class="map-head">${html(g.abis.join(' · '))} <span class="muted">— ${html(alignText(g.aligns))}</span></div>`
      + `${byteMapSvg(g.map, { id: ids('map', name, g.abis[0] ?? ''), title })}</div>`;
  });
  return `<figure class="type" id="${attr(id)}"><figcaption><a class="self" href="#${attr(id)}"><code>${html(`${first.map.kind} ${name}`)}</code></a>`
    + ` <span class="muted">${html(`${sizes} bytes`)}</span>${diverges}</figcaption><div class="maps">${maps.join('')}</div></figure>`;
}
