import { anchor } from './escape';

/** Hands out ids unique within one page, readable (`map-hl_cs_in-x86_64`) and stable from run to run. */
export type IdSource = (...parts: readonly string[]) => string;

export function idSource(): IdSource {
  const issued = new Set<string>();
  return (...parts) => {
    const base = anchor(...parts) || 'id';
    let id = base;
    for (let k = 2; issued.has(id); k++) id = `${base}-${k}`;
    issued.add(id);
    return id;
  };
}
