import { declLoc, fillLocations, LocationFiller, parseJsonDocuments, type AstNode } from '../clang/ast-json';
import { elementHead, firstConstantValue, innerElements, skipLocations, stringKey, topLevelElements } from '../clang/ast-text';
import { PROBE_FILE } from '../clang/probe-compile';

/** Top-level declarations the importer reads (translation-unit.ts, spec-from-ast.ts); it skips the others. */
const READ_KINDS = new Set(['TypedefDecl', 'RecordDecl', 'EnumDecl']);

/**
 * An unnamed enum the probe declared (`enum { __uapi_vN = (M) };`), as the importer reads it: its own
 * keys and, per enumerator, the name and the value of the first `ConstantExpr` — not the expression
 * tree of the macro, which is most of a probe's dump. Undefined when the enum is not the probe's.
 */
function probeEnum(element: string, filler: LocationFiller): AstNode | undefined {
  const parts = elementHead(element, 4);
  if (parts === undefined || stringKey(parts.head, 'name', 6) !== undefined) return undefined;
  const head = JSON.parse(parts.head) as AstNode;
  const trial = new LocationFiller();
  trial.file = filler.file;
  trial.line = filler.line;
  trial.fill(head);
  if (declLoc(head.loc)?.file !== PROBE_FILE) return undefined;
  const enumerators = innerElements(parts.rest, 8);
  if (enumerators === undefined) return undefined;
  const inner = enumerators.map((text): AstNode => {
    const name = stringKey(text, 'name', 10);
    const value = firstConstantValue(text);
    return { kind: 'EnumConstantDecl', ...(name !== undefined ? { name } : {}), inner: value !== undefined ? [{ kind: 'ConstantExpr', value }] : [] };
  });
  filler.file = trial.file;
  filler.line = trial.line;
  skipLocations(filler, parts.rest);
  return { ...head, inner };
}

/**
 * A typedef other than the probe's shapes, as the importer reads it: its name and type spelling (the
 * head of the declaration), not the type tree clang prints under it.
 */
function plainTypedef(element: string, filler: LocationFiller): AstNode | undefined {
  const parts = elementHead(element, 4);
  const name = parts !== undefined ? stringKey(parts.head, 'name', 6) : undefined;
  if (parts === undefined || name === undefined || name.startsWith('__uapi_')) return undefined;
  const head = JSON.parse(parts.head) as AstNode;
  filler.fill(head);
  skipLocations(filler, parts.rest);
  return head;
}

/**
 * The import probe's AST with its locations filled in, as `parseJsonDocuments` and `fillLocations`
 * give it, except for what the importer never reads: top-level declarations other than typedefs,
 * structs, unions and enums (functions, variables) are left out; the probe's own value enums keep
 * only their enumerators' names and values; typedefs other than the probe's shapes keep their name
 * and type spelling, not the type tree under them. Parsing those is most of the work of reading a
 * dump. Every node that is kept gets the same locations as in a whole parse (the reader tracks the
 * last printed file and line through what it skips). Falls back to the whole parse when the dump is
 * not laid out as expected.
 */
export function readProbeAst(text: string): AstNode | undefined {
  const top = topLevelElements(text);
  const whole = (): AstNode | undefined => {
    const root = parseJsonDocuments(text)[0];
    if (root !== undefined) fillLocations(root);
    return root;
  };
  if (top === undefined) return whole();
  const filler = new LocationFiller();
  const root = JSON.parse(top.head) as AstNode;
  filler.fill(root);
  const inner: AstNode[] = [];
  for (const element of top.elements) {
    const kind = stringKey(element, 'kind', 6);
    if (kind === undefined) return whole();
    if (!READ_KINDS.has(kind)) {
      skipLocations(filler, element);
      continue;
    }
    const stub = kind === 'EnumDecl' ? probeEnum(element, filler) : kind === 'TypedefDecl' ? plainTypedef(element, filler) : undefined;
    if (stub !== undefined) {
      inner.push(stub);
      continue;
    }
    const node = JSON.parse(element) as AstNode;
    filler.fill(node);
    inner.push(node);
  }
  return { ...root, inner };
}
