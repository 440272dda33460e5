import type { TypeNode } from '../model/model';

/** The C spelling of a type, as layouts and goldens show it: `__u64`, `struct hl_cb_in`, `__u32[4]`. */
export function typeName(t: TypeNode): string {
  switch (t.kind) {
    case 'scalar': return t.spelled ?? t.name;
    case 'array': {
      // C nests array suffixes outside-in: T x[2][3] is array 2 of array 3 of T.
      let dims = '';
      let e: TypeNode = t;
      while (e.kind === 'array') {
        dims += `[${e.length === 0 ? '' : e.length}]`;
        e = e.element;
      }
      return `${typeName(e)}${dims}`;
    }
    case 'ref': return `${t.tag} ${t.name}`;
    case 'record': return t.record.name !== undefined ? `${t.record.kind} ${t.record.name}` : `${t.record.kind} {...}`;
    case 'pointer': return `${typeName(t.to)} *`;
  }
}
