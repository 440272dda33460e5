import type { SourceLoc } from '../../../core/model/model';
import { firstFew } from '../../../core/util/first-few';
import type { HeaderText } from '../context';
import { directives, lateDeclarations, scanHeader, type Directive, type ScannedHeader } from '../header-scan';
import type { LintRule, RuleFinding } from '../rule';

const MAX_LISTED = 5;

function at(h: HeaderText, s: ScannedHeader, offset: number): SourceLoc {
  return { file: h.file, ...s.position(offset) };
}

function lines(s: ScannedHeader, offsets: readonly number[]): string {
  return firstFew(offsets.map((o) => String(s.position(o).line)), MAX_LISTED);
}

function spdx(h: HeaderText, s: ScannedHeader, subject: string): RuleFinding[] {
  const m = /SPDX-License-Identifier:\s*([^\n]*?)\s*(?:\*\/|$)/m.exec(s.text);
  if (m === null) {
    return [{ subject, message: 'no SPDX-License-Identifier line: a uAPI header starts with `/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */` so that userspace of any license may include it', loc: { file: h.file, line: 1, col: 1 } }];
  }
  const out: RuleFinding[] = [];
  const loc = at(h, s, m.index);
  if (!/\bWITH\s+Linux-syscall-note\b/.test(m[1] ?? '')) {
    out.push({ subject, message: `the license \`${m[1] ?? ''}\` lacks \`WITH Linux-syscall-note\`: without the exception, including the header in non-GPL userspace is not clearly allowed`, loc });
  }
  if (loc.line !== 1) out.push({ subject, message: `the SPDX line is line ${loc.line}; it belongs on the first line`, loc });
  return out;
}

function guardName(d: Directive | undefined): string | undefined {
  if (d?.name === 'ifndef') return /^(\w+)/.exec(d.rest)?.[1];
  if (d?.name === 'if') return /^!\s*defined\s*\(?\s*(\w+)\s*\)?$/.exec(d.rest)?.[1];
  return undefined;
}

function includeGuard(h: HeaderText, s: ScannedHeader, subject: string): RuleFinding[] {
  const ds = directives(s.code);
  const [first, second] = ds;
  const last = ds[ds.length - 1];
  const name = guardName(first);
  const lineEnd = (offset: number): number => {
    const e = s.code.indexOf('\n', offset);
    return e < 0 ? s.code.length : e;
  };
  const guarded = first !== undefined && last !== undefined && name !== undefined
    && second?.name === 'define' && /^(\w+)/.exec(second.rest)?.[1] === name
    && last.name === 'endif'
    // Nothing but blanks (and comments, already blanked) outside the guard.
    && s.code.slice(0, first.offset).trim() === '' && s.code.slice(lineEnd(last.offset)).trim() === '';
  if (guarded) return [];
  return [{
    subject,
    message: 'no include guard around the whole header (`#ifndef _UAPI_X_H` / `#define _UAPI_X_H` ... `#endif`): a header included twice redefines its structs; `#pragma once` is not standard C',
    loc: first !== undefined ? at(h, s, first.offset) : { file: h.file, line: 1, col: 1 },
  }];
}

function configReferences(h: HeaderText, s: ScannedHeader, subject: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  const re = /\bCONFIG_\w+/g;
  for (let m = re.exec(s.code); m !== null; m = re.exec(s.code)) {
    out.push({ subject, message: `\`${m[0]}\` is a kernel configuration symbol: userspace never has it defined, so the uAPI would depend on how the kernel was configured`, loc: at(h, s, m.index) });
  }
  return out;
}

function c90(h: HeaderText, s: ScannedHeader, subject: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  const first = s.lineComments[0];
  if (first !== undefined) {
    out.push({ subject, message: `\`//\` comments (line ${lines(s, s.lineComments)}) are not C90: userspace building with -std=c89/-ansi fails; use \`/* */\``, loc: at(h, s, first) });
  }
  const inline = [...s.code.matchAll(/(?<![\w])inline\b/g)].map((m) => m.index);
  const firstInline = inline[0];
  if (firstInline !== undefined) {
    out.push({ subject, message: `\`inline\` (line ${lines(s, inline)}) is not a C90 keyword; uAPI headers write \`__inline__\``, loc: at(h, s, firstInline) });
  }
  const late = lateDeclarations(s.code);
  const firstLate = late[0];
  if (firstLate !== undefined) {
    out.push({ subject, message: `declaration after a statement (line ${lines(s, late)}): C90 wants a block's declarations first`, loc: at(h, s, firstLate) });
  }
  return out;
}

export const s13HeaderHygiene: LintRule = {
  id: 'S13',
  name: 'header-hygiene',
  severity: 'warning',
  purpose: 'for a uAPI given as a C header: SPDX line WITH Linux-syscall-note, no CONFIG_ symbols, an include guard, C90 (no // comments, no inline, no declarations after statements); text-level checks, not a compile',
  check(ctx) {
    const h = ctx.header;
    if (h === undefined) return [];
    const s = scanHeader(h.text);
    const subject = `header ${h.file}`;
    return [...spdx(h, s, subject), ...includeGuard(h, s, subject), ...configReferences(h, s, subject), ...c90(h, s, subject)];
  },
};
