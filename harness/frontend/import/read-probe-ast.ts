import { declLoc, fillLocations, LocationFiller, parseJsonDocuments, type AstNode } from '../clang/ast-json';
import { closeObject, elementHead, firstConstantValue, innerElementSpans, skipLocations, stringKey, topLevelElements } from '../clang/ast-text';
import type { ClangRun } from '../clang/clang-tool';
import { PROBE_FILE } from '../clang/probe-compile';

/** Top-level declarations the importer reads (translation-unit.ts, spec-from-ast.ts); it skips the others. */
const READ_KINDS = new Set(['TypedefDecl', 'RecordDecl', 'EnumDecl']);

/** A dump as bytes, and how to decode parts of it as the parsed nodes must show them. */
interface DumpBytes {
  readonly data: Buffer;
  /** A part of the dump as text, the probe named {@link PROBE_FILE} (as in `ClangRun.stdout`). */
  readonly text: (part: Buffer) => string;
  /** A file name found in the dump, as `text` would show it. */
  readonly file: (name: string) => string;
}

function dumpOf(run: ClangRun): DumpBytes {
  const raw = run.bytes;
  if (raw === undefined) return { data: Buffer.from(run.stdout, 'utf8'), text: (part) => part.toString('utf8'), file: (f) => f };
  return {
    data: raw.data,
    text: (part) => part.toString('utf8').replaceAll(raw.mainFile, () => PROBE_FILE),
    file: (f) => (f === raw.mainFile ? PROBE_FILE : f),
  };
}

/** An element's keys before its `inner` array, parsed (its `inner` is read otherwise or not at all). */
function parsedHead(head: Buffer, dump: DumpBytes): AstNode | undefined {
  const text = closeObject(dump.text(head));
  return text === undefined ? undefined : (JSON.parse(text) as AstNode);
}

/**
 * An unnamed enum the probe declared (`enum { __uapi_vN = (M) };`), as the importer reads it: its own
 * keys and, per enumerator, the name and the value of the first `ConstantExpr` — not the expression
 * tree of the macro, which is most of a probe's dump. Undefined when the enum is not the probe's.
 */
function probeEnum(element: Buffer, dump: DumpBytes, filler: LocationFiller): AstNode | undefined {
  const parts = elementHead(element, 4);
  if (parts === undefined || stringKey(parts.head, 'name', 6) !== undefined) return undefined;
  const head = parsedHead(parts.head, dump);
  if (head === undefined) return undefined;
  const trial = new LocationFiller();
  trial.file = filler.file;
  trial.line = filler.line;
  trial.fill(head);
  if (declLoc(head.loc)?.file !== PROBE_FILE) return undefined;
  const inner = innerElementSpans(parts.rest, 8).map((bytes): AstNode => {
    const name = stringKey(bytes, 'name', 10);
    const value = firstConstantValue(bytes);
    return { kind: 'EnumConstantDecl', ...(name !== undefined ? { name } : {}), inner: value !== undefined ? [{ kind: 'ConstantExpr', value }] : [] };
  });
  filler.file = trial.file;
  filler.line = trial.line;
  skipLocations(filler, parts.rest, dump.file);
  return { ...head, inner };
}

/**
 * A typedef other than the probe's shapes, as the importer reads it: its name and type spelling (the
 * head of the declaration), not the type tree clang prints under it.
 */
function plainTypedef(element: Buffer, dump: DumpBytes, filler: LocationFiller): AstNode | undefined {
  const parts = elementHead(element, 4);
  const name = parts !== undefined ? stringKey(parts.head, 'name', 6) : undefined;
  if (parts === undefined || name === undefined || name.startsWith('__uapi_')) return undefined;
  // A typedef with an attribute (`aligned(4)`) is read whole: the attribute is under it.
  if (parts.rest.indexOf('"kind": "AlignedAttr"') >= 0) return undefined;
  const head = parsedHead(parts.head, dump);
  if (head === undefined) return undefined;
  filler.fill(head);
  skipLocations(filler, parts.rest, dump.file);
  return head;
}

/**
 * The import probe's AST with its locations filled in, as `parseJsonDocuments` and `fillLocations`
 * give it from `run.stdout`, except for what the importer never reads: top-level declarations other
 * than typedefs, structs, unions and enums (functions, variables) are left out; the probe's own value
 * enums keep only their enumerators' names and values; typedefs other than the probe's shapes keep
 * their name and type spelling, not the type tree under them. Decoding and parsing those is most of
 * the work of reading a dump, and when the tool gives the dump as bytes they are never decoded. Every
 * node that is kept gets the same locations as in a whole parse (the reader tracks the last printed
 * file and line through what it skips). Falls back to the whole parse when the dump is not laid out
 * as expected.
 */
export function readProbeAst(run: ClangRun): AstNode | undefined {
  const whole = (): AstNode | undefined => {
    const root = parseJsonDocuments(run.stdout)[0];
    if (root !== undefined) fillLocations(root);
    return root;
  };
  const dump = dumpOf(run);
  const top = topLevelElements(dump.data);
  if (top === undefined) return whole();
  const filler = new LocationFiller();
  const root = JSON.parse(top.head) as AstNode;
  filler.fill(root);
  const inner: AstNode[] = [];
  for (const element of top.elements) {
    const kind = stringKey(element, 'kind', 6);
    if (kind === undefined) return whole();
    if (!READ_KINDS.has(kind)) {
      skipLocations(filler, element, dump.file);
      continue;
    }
    const stub = kind === 'EnumDecl' ? probeEnum(element, dump, filler) : kind === 'TypedefDecl' ? plainTypedef(element, dump, filler) : undefined;
    if (stub !== undefined) {
      inner.push(stub);
      continue;
    }
    const node = JSON.parse(dump.text(element)) as AstNode;
    filler.fill(node);
    inner.push(node);
  }
  return { ...root, inner };
}
