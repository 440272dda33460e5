import * as path from 'node:path';
import * as ts from 'typescript';
import { LAYERS, PACKAGE_ENTRIES, TEST_HELPERS, type Layer } from './layer-table';

/** One import of one file, as the TypeScript parser reads it. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  readonly line: number;
  readonly col: number;
}

/** A file set to check: repository-relative paths (with `/`) and their text. */
export interface SourceSet {
  readonly files: readonly string[];
  read(file: string): string;
}

const isTest = (f: string): boolean => f.endsWith('.test.ts');

/** The layer a file belongs to: the longest matching path prefix of the table. */
export function layerOf(file: string, layers: readonly Layer[] = LAYERS): Layer | undefined {
  let best: { layer: Layer; len: number } | undefined;
  for (const l of layers) for (const p of l.paths) if ((file === p || file.startsWith(p)) && (best === undefined || p.length > best.len)) best = { layer: l, len: p.length };
  return best?.layer;
}

function typeOnlyImport(d: ts.ImportDeclaration): boolean {
  const c = d.importClause;
  if (c === undefined) return false; // `import './x'` runs the module
  if (c.isTypeOnly) return true;
  const b = c.namedBindings;
  return c.name === undefined && b !== undefined && ts.isNamedImports(b) && b.elements.length > 0 && b.elements.every((e) => e.isTypeOnly);
}

/** Every import of `file` that names a file of `set` (relative paths and the package's own entries). */
export function importsOf(file: string, set: SourceSet, known: ReadonlySet<string>): ImportEdge[] {
  const src = ts.createSourceFile(file, set.read(file), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const out: ImportEdge[] = [];
  const resolve = (spec: string): string | undefined => {
    const entry = PACKAGE_ENTRIES[spec];
    if (entry !== undefined) return entry;
    if (!spec.startsWith('.')) return undefined; // node: and npm packages are not layers
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return [`${base}.ts`, `${base}/index.ts`, base].find((c) => known.has(c)) ?? `${base}.ts`;
  };
  const add = (spec: ts.Expression, typeOnly: boolean): void => {
    if (!ts.isStringLiteralLike(spec)) return;
    const to = resolve(spec.text);
    if (to === undefined) return;
    const p = src.getLineAndCharacterOfPosition(spec.getStart(src));
    out.push({ from: file, to, typeOnly, line: p.line + 1, col: p.character + 1 });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) add(n.moduleSpecifier, typeOnlyImport(n));
    else if (ts.isExportDeclaration(n) && n.moduleSpecifier !== undefined) add(n.moduleSpecifier, n.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression, n.isTypeOnly);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal, true);
    else if (ts.isCallExpression(n) && n.arguments.length === 1 && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) {
      add(n.arguments[0] as ts.Expression, false);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function allowed(from: Layer, to: Layer | undefined, edge: ImportEdge): boolean {
  if (to === undefined) return false;
  if (from.may.includes('*')) return true;
  if (from.may.includes(to.name)) return true;
  if (from.may.some((p) => p.includes('/') && edge.to.startsWith(p))) return true;
  return edge.typeOnly && (from.mayForTypes ?? []).includes(to.name);
}

/** Strongly connected components with more than one file (Tarjan), each sorted. */
export function cyclesOf(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  let i = 0;
  const strong = (v: string): void => {
    index.set(v, i); low.set(v, i); i++; stack.push(v); on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v) as number, low.get(w) as number)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do { w = stack.pop() as string; on.delete(w); c.push(w); } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) strong(v);
  return out.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/**
 * Every import the layer table forbids and every import cycle that is not type-only inside one
 * layer's folder, as `file:line:col: error CODE: message` lines (empty when the tree is clean).
 */
export function checkLayers(set: SourceSet, layers: readonly Layer[] = LAYERS): string[] {
  const known = new Set(set.files);
  const problems: string[] = [];
  const edges: ImportEdge[] = [];
  for (const file of [...set.files].sort()) {
    const from = layerOf(file, layers);
    if (from === undefined) {
      problems.push(`${file}:1:1: error LAYER_UNKNOWN: the file is in no layer of harness/testing/layers/layer-table.ts`);
      continue;
    }
    for (const e of importsOf(file, set, known)) {
      edges.push(e);
      const at = `${e.from}:${e.line}:${e.col}`;
      if (isTest(e.to)) {
        if (!isTest(file) && from.name !== TEST_HELPERS) problems.push(`${at}: error LAYER_IMPORT: ${from.name} imports a test file (${e.to})`);
        continue;
      }
      if (isTest(file)) continue; // tests wire layers together and may import any of them
      const to = layerOf(e.to, layers);
      if (!allowed(from, to, e)) {
        problems.push(`${at}: error LAYER_IMPORT: ${from.name} may not import ${to?.name ?? 'an unknown layer'}${e.typeOnly ? ' (even for types)' : ''}: ${e.to}`);
      }
    }
  }
  // "One folder" is a layer's folder: the emulator's device state and its kernel entry name each
  // other's types (as the driver's headers do), a run-time edge between them only one way.
  const folder = (f: string): string => layerOf(f, layers)?.name ?? path.posix.dirname(f);
  const runtime = edges.filter((e) => !e.typeOnly);
  const runtimeCycles = cyclesOf(runtime);
  for (const c of runtimeCycles) problems.push(`${c[0]}:1:1: error LAYER_CYCLE: run-time import cycle: ${c.join(' ↔ ')}`);
  const inRuntimeCycle = new Set(runtimeCycles.flat());
  for (const c of cyclesOf(edges)) {
    if (c.some((f) => inRuntimeCycle.has(f))) continue;
    if (new Set(c.map(folder)).size > 1) problems.push(`${c[0]}:1:1: error LAYER_CYCLE: type-only import cycle across layers: ${c.join(' ↔ ')}`);
  }
  return problems;
}
