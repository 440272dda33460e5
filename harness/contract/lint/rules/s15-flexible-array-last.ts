import type { RecordDecl } from '../../../core/model/model';
import type { RecordEntry } from '../context';
import { endsInFlexibleArray, isFlexibleArray } from '../flexible-arrays';
import { place } from '../locate';
import type { LintRule, RuleFinding } from '../rule';

const OVERLAP = 'GNU C gives it size 0, so its elements are the bytes of the members after it: writing one overwrites them';

export const s15FlexibleArrayLast: LintRule = {
  id: 'S15',
  name: 'flexible-array-last',
  severity: 'warning',
  purpose: 'a flexible or zero-length array member ends the outermost struct (directly, or through the last member or a union at the end): anywhere else it overlaps the members after it',
  check(ctx) {
    const out: RuleFinding[] = [];
    const resolve = (name: string): RecordDecl | undefined => ctx.record(name);
    // `atEnd`: whether this record's storage is the end of the top-level record's. A union's members
    // all end where it ends; of a struct's, only the last one does.
    const visit = (d: RecordDecl, atEnd: boolean, prefix: string, top: RecordEntry): void => {
      d.members.forEach((m, i) => {
        const path = `${prefix}.${m.name ?? `<anonymous #${i}>`}`;
        const memberAtEnd = atEnd && (d.kind === 'union' || i === d.members.length - 1);
        const at = place(m.loc ?? top.loc, top.owner);
        if (isFlexibleArray(m.type)) {
          if (!memberAtEnd) out.push({ subject: path, message: `${d.kind === 'union' ? 'zero-length array in a union that is not at the end' : 'zero-length or flexible array not at the end'} of ${top.path}: ${OVERLAP}; put it last, or carry the elements through a \`__u64\` user pointer`, ...at });
          return;
        }
        // Elements of an array of records are followed by the next element.
        const inArray = m.type.kind === 'array';
        let t = m.type;
        while (t.kind === 'array') t = t.element;
        if (t.kind === 'record') {
          visit(t.record, memberAtEnd && !inArray, m.name === undefined ? prefix : path, top);
        } else if (t.kind === 'ref' && t.tag !== 'enum') {
          // A named record is checked on its own; here only where it is placed matters.
          const inner = resolve(t.name);
          if (inner !== undefined && (!memberAtEnd || inArray) && endsInFlexibleArray(inner, resolve)) {
            out.push({ subject: path, message: `holds ${t.tag} ${t.name}${inArray ? ' in an array' : ''}, which ends in a flexible array, not at the end of ${top.path}: ${OVERLAP}`, ...at });
          }
        }
      });
    };
    for (const r of ctx.records) if (r.topLevel) visit(r.decl, true, r.path, r);
    return out;
  },
};
