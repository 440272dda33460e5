import * as fs from 'node:fs';
import * as path from 'node:path';
import { declLoc, type AstNode } from '../clang/ast-json';
import type { FileMemo } from '../clang/file-memo';
import { isFile } from '../clang/include-closure';
import { PROBE_FILE } from '../clang/probe-compile';
import { identifierFreeText, type IncludedDefinition } from './header-facts';
import { macroDefinitions } from './macro-candidates';
import { fileDirectives, isFoundationFile, resolveInclude, type SearchSetup } from './target-scan';
import type { TranslationUnit } from './translation-unit';

const LITERAL = /^\(?\s*(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*\s*\)?$/;

/** The value of a macro replacement that is one integer literal (`0x01`, `(64)`, `8UL`); otherwise undefined. */
export function literalValue(body: string): bigint | undefined {
  const m = LITERAL.exec(body.trim());
  if (m === null) return undefined;
  const digits = m[1] as string;
  return /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
}

/**
 * The uAPI headers a header includes, directly or not, as the compiler resolves them for one target
 * (the first match on its search path; not into the foundation headers, whose definitions every uAPI
 * header has). Conditions around an `#include` are not evaluated: uAPI headers include their asm/
 * per target through the search path, not through conditionals.
 */
export function includedUapiFiles(header: string, setup: SearchSetup, memo?: FileMemo): string[] {
  const fileAt = memo !== undefined ? (p: string): boolean => memo.isFile(p) : isFile;
  const seen = new Set<string>([header]);
  const queue = [header];
  const out: string[] = [];
  while (queue.length > 0) {
    const from = queue.shift() as string;
    for (const d of fileDirectives(from, memo)) {
      if (d.kind !== 'include') continue;
      const found = resolveInclude(d, from, setup.searchDirs, fileAt);
      if (found === undefined) continue;
      const file = path.resolve(found.file);
      if (seen.has(file) || isFoundationFile(file, setup)) continue;
      seen.add(file);
      queue.push(file);
      out.push(file);
    }
  }
  return out;
}

/**
 * What the included uAPI headers of one translation unit define: its structs, unions, enums,
 * enumerators and typedefs declared outside the header (from clang's AST, so exactly what this target
 * compiles), and the object-like macros of those files (from their text: the AST has no macros).
 */
export function includedDefinitions(tu: TranslationUnit, header: string, setup: SearchSetup, memo?: FileMemo): IncludedDefinition[] {
  const out: IncludedDefinition[] = [];
  const seen = new Set<string>();
  const add = (d: IncludedDefinition): void => {
    const k = `${d.kind}\0${d.name}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(d);
  };
  // Shown as the header includes it (`asm/kvm.h`), which is what a reader looks for.
  const shown = new Map<string, string>();
  const nameOf = (file: string): string => {
    let s = shown.get(file);
    if (s === undefined) {
      const dir = setup.searchDirs.find((d) => file.startsWith(d + path.sep));
      shown.set(file, (s = dir !== undefined ? path.relative(dir, file).split(path.sep).join('/') : file));
    }
    return s;
  };
  const foundation = new Map<string, boolean>();
  const included = (file: string | undefined): file is string => {
    if (file === undefined || file === header || file === PROBE_FILE || file.startsWith('<')) return false;
    let f = foundation.get(file);
    if (f === undefined) foundation.set(file, (f = isFoundationFile(file, setup)));
    return !f;
  };
  const visit = (n: AstNode, file: string): void => {
    const named = n.name !== undefined && n.name !== '';
    if (n.kind === 'RecordDecl' && n.completeDefinition === true) {
      if (named) add({ name: n.name as string, kind: 'record', file });
      for (const c of n.inner ?? []) if (c.kind === 'RecordDecl' || c.kind === 'EnumDecl') visit(c, file);
    } else if (n.kind === 'EnumDecl' && n.inner !== undefined) {
      if (named) add({ name: n.name as string, kind: 'enum', file });
      for (const v of tu.enumeration(n).values) add({ name: v.name, kind: 'enumerator', file, value: v.value });
    } else if (n.kind === 'TypedefDecl' && named) {
      add({ name: n.name as string, kind: 'typedef', file });
    }
  };
  for (const n of tu.top) {
    const file = declLoc(n.loc)?.file;
    if (included(file)) visit(n, nameOf(file));
  }
  for (const file of includedUapiFiles(header, setup, memo)) {
    const text = memo !== undefined ? memo.text(file) : fs.readFileSync(file, 'utf8');
    for (const m of macroDefinitions(text, file)) {
      const value = literalValue(m.body);
      const text = value === undefined ? identifierFreeText(m.body) : undefined;
      add({ name: m.name, kind: 'macro', file: nameOf(file), ...(value !== undefined ? { value } : {}), ...(text !== undefined ? { text } : {}) });
    }
  }
  return out;
}
