import type { AstNode } from '../clang/ast-json';
import type { FileMemo } from '../clang/file-memo';
import { identifierFreeText, type HeaderFacts } from './header-facts';
import { includedDefinitions } from './included-definitions';
import { macroDefinitions } from './macro-candidates';
import { fallbackMacros, retiredMacros } from './macro-evidence';
import { TranslationUnit } from './translation-unit';

/** What one import's translation unit and the header's text tell beyond the spec (see header-facts.ts). */
export function headerFacts(p: { readonly header: string; readonly text: string; readonly prepared: { readonly searchDirs: readonly string[]; readonly request: { readonly resourceIncludeDir?: string | undefined } } }, root: AstNode, memo?: FileMemo): HeaderFacts {
  const setup = { searchDirs: p.prepared.searchDirs, resourceIncludeDir: p.prepared.request.resourceIncludeDir };
  const defs = macroDefinitions(p.text, p.header);
  return {
    included: includedDefinitions(new TranslationUnit(root, (f) => f), p.header, setup, memo),
    fallbacks: fallbackMacros(p.text, defs),
    retired: retiredMacros(p.text, defs),
    texts: defs.flatMap((d) => {
      const text = identifierFreeText(d.body);
      return text !== undefined ? [{ name: d.name, text }] : [];
    }),
  };
}
