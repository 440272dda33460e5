import type { IoctlDecl } from '../../../core/model/model';
import { atIoctl } from '../locate';
import type { LintRule, RuleFinding } from '../rule';
import { hex, typeChar } from '../type-facts';

// FOO2, FOO_2, FOO_V2, FOO_EXT, FOO_EXTENDED, FOO_NEW: names that say "another version of FOO".
const VERSIONED = /^(.+?)(?:_?V?\d+|_EXT|_EXTENDED|_NEW)$/;

export const s12NoReversionedCommands: LintRule = {
  id: 'S12',
  name: 'no-reversioned-commands',
  severity: 'warning',
  purpose: 'never re-version a command: two ioctls sharing type and nr are an error; a FOO2/FOO_V2/FOO_EXT beside FOO is a warning (extend FOO by size and flags instead)',
  check(ctx) {
    const out: RuleFinding[] = [];
    const first = new Map<string, IoctlDecl>();
    const names = new Set(ctx.spec.ioctls.map((i) => i.name));
    for (const i of ctx.spec.ioctls) {
      const subject = `ioctl ${i.name}`;
      const key = `${i.type}/${i.nr}`;
      const earlier = first.get(key);
      if (earlier === undefined) first.set(key, i);
      else {
        out.push({
          subject,
          severity: 'error',
          message: `shares type ${typeChar(i.type)} nr ${hex(i.nr)} with ${earlier.name}: drivers dispatch on the nr, so the two cannot be told apart (a changed struct must keep its command or get a new nr)`,
          ...atIoctl(ctx, i),
        });
      }
      const base = VERSIONED.exec(i.name)?.[1];
      if (base !== undefined && base !== i.name && names.has(base)) {
        out.push({
          subject,
          message: `looks like a second version of ${base}: every version stays in the uAPI forever; extend ${base} instead (new fields at the end of a size-extensible struct, new flag bits, reserved fields given a meaning)`,
          ...atIoctl(ctx, i),
        });
      }
    }
    return out;
  },
};
