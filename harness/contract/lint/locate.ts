import type { IoctlDecl, SourceLoc } from '../../core/model/model';
import type { LintContext, MemberEntry, RecordEntry } from './context';

/** Location and waiver owner of a finding, with absent values left out (exact optional properties). */
export interface Place {
  readonly loc?: SourceLoc;
  readonly owner?: string;
}

export const place = (loc: SourceLoc | undefined, owner: string | undefined): Place => ({
  ...(loc !== undefined ? { loc } : {}),
  ...(owner !== undefined ? { owner } : {}),
});

export const atMember = (m: MemberEntry): Place => place(m.loc, m.parent.owner);
export const atRecord = (r: RecordEntry): Place => place(r.loc, r.owner);
export const atIoctl = (ctx: LintContext, i: IoctlDecl): Place => place(i.loc, ctx.ioctlOwner(i));
