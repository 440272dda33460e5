import { isDeclareFlexArray } from '../flexible-arrays';
import { atMember, atRecord } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { withoutArrays } from '../type-facts';

const WHY = 'GNU C gives a struct or union without members size 0 and C++ gives it size 1, so C and C++ programs disagree on the layout of every type that holds it; give it a member (an explicit `__u32 pad`), or for a flexible array in a union use `__DECLARE_FLEX_ARRAY()` from <linux/stddef.h>, which has a C++ form';

export const s14NoEmptyRecords: LintRule = {
  id: 'S14',
  name: 'no-empty-records',
  severity: 'warning',
  purpose: 'no struct or union without members (size 0 in GNU C, 1 in C++), except the empty struct of __DECLARE_FLEX_ARRAY(), which <linux/stddef.h> declares differently for C++',
  check(ctx) {
    const out: RuleFinding[] = [];
    for (const r of ctx.records) {
      if (r.topLevel && r.decl.members.length === 0) out.push({ subject: r.path, message: `${r.decl.kind} has no members: ${WHY}`, ...atRecord(r) });
    }
    // Inline records are reported at the member that declares them, where the header has them.
    for (const m of ctx.members) {
      const t = withoutArrays(m.member.type);
      if (t.kind !== 'record' || t.record.members.length > 0 || isDeclareFlexArray(m.parent.decl.members)) continue;
      out.push({ subject: m.path, message: `${t.record.kind} has no members: ${WHY}`, ...atMember(m) });
    }
    return out;
  },
};
