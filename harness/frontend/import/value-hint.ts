import * as fs from 'node:fs';
import type { AstNode } from '../clang/ast-json';
import { layoutEngine } from '../../core/layout/engine';
import { definitionText, type MacroCandidate } from './macro-candidates';
import type { SourceLoc, Spec, TypeNode } from '../../core/model/model';
import { modelType } from './clang-types';
import type { TranslationUnit } from './translation-unit';
import { VARIANT_ABIS } from './variant-abis';
import { astDependence, dependenceList, keyOf, textDependence, typedefDependence, type Dependence, type DependenceContext, type DependenceSetup, type MacroDefinition, type ValueHint } from './value-dependence';

/** Where the macros a header may use are defined: the files its probe may include, and how to read them. */
export interface DependenceSources {
  readonly setup: DependenceSetup;
  readonly files: readonly string[];
  readonly read?: (file: string) => string;
  /** Computes a value once per batch of imports (FileMemo.once): each file's `#define`s are read once. */
  readonly once?: <T>(key: string, compute: () => T) => T;
}

const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(\([^)]*\))?((?:[^\n\\]|\\\r?\n|\\.)*)/gm;

/** Every `#define` of a file by name, replacement texts with continuation lines joined. */
function definitionsOf(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(DEFINE)) {
    const name = m[1] as string;
    out.set(name, [...(out.get(name) ?? []), (m[3] as string).replace(/\\\r?\n/g, ' ')]);
  }
  return out;
}

/** Every scalar a type uses, with its typedef spelling. */
function spelledScalars(t: TypeNode, out: string[]): void {
  if (t.kind === 'scalar' && t.spelled !== undefined) out.push(t.spelled);
  else if (t.kind === 'array') spelledScalars(t.element, out);
  else if (t.kind === 'record') for (const m of t.record.members) spelledScalars(m.type, out);
}

/** What the analysis needs of the import that found the values. */
export interface HintInput {
  readonly tu: TranslationUnit;
  readonly spec: Spec;
  readonly header: string;
  readonly headerText: string;
  /** Candidates whose value (or fallback value) became a constant, and those defined as `_IOC` with a size. */
  readonly valued: readonly MacroCandidate[];
  readonly sized: readonly MacroCandidate[];
  /** Enumerator nodes of the spec's enums and anonymous-enum constants. */
  readonly enumerators: readonly AstNode[];
  readonly sources: DependenceSources;
}

/**
 * Whether any value of an x86_64 import may differ on another ABI (see value-dependence.ts), and on
 * what: the first place where one does, for the warning, and every dependence found. Undefined when
 * every value is the same on every ABI.
 */
export function valueHintOf(input: HintInput): ValueHint | undefined {
  const { tu, spec, sources } = input;
  let perFile: { file: string; defs: Map<string, string[]> }[] | undefined;
  const read = sources.read ?? ((f: string): string => fs.readFileSync(f, 'utf8'));
  const enumeratorNodes = new Map<string, AstNode>();
  for (const top of tu.top) collectEnumerators(top, enumeratorNodes);
  const enumeratorMemo = new Map<string, Map<string, Dependence>>();
  const ctx: DependenceContext = {
    setup: sources.setup,
    macro: (name) => {
      if (perFile === undefined) {
        const once = sources.once ?? (<T>(_: string, compute: () => T): T => compute());
        perFile = [...new Set([input.header, ...sources.files])].map((file) => ({
          file,
          defs: once(`macro-definitions\0${file}`, () => {
            try {
              return definitionsOf(read(file));
            } catch {
              return new Map<string, string[]>();
            }
          }),
        }));
      }
      const out: MacroDefinition[] = [];
      for (const { file, defs } of perFile) for (const body of defs.get(name) ?? []) out.push({ file, body });
      return out;
    },
    typedef: (name) => {
      const underlying = tu.typedef(name);
      return underlying === undefined ? undefined : { underlying, file: tu.typedefFile(name) };
    },
    enumerator: (name) => {
      const n = enumeratorNodes.get(name);
      if (n === undefined) return undefined;
      let found = enumeratorMemo.get(name);
      if (found === undefined) {
        found = new Map();
        enumeratorMemo.set(name, found); // a cycle (an enumerator naming itself) ends here
        for (const c of n.inner ?? []) astDependence(c, ctx, found);
      }
      return found;
    },
    sizes: (typeText) => {
      const t = modelType(typeText, tu);
      if (typeof t === 'string') return undefined;
      try {
        return Object.fromEntries(VARIANT_ABIS.map((a) => {
          const sa = layoutEngine(spec, a).sizeAlign(t);
          return [a.name, `${sa.size}/${sa.align}`];
        }));
      } catch {
        return undefined; // a struct the spec does not hold
      }
    },
  };

  const all = new Map<string, Dependence>();
  let first: { loc?: SourceLoc; what: string } | undefined;
  const note = (found: ReadonlyMap<string, Dependence>, loc: SourceLoc | undefined, what: string): void => {
    if (found.size === 0) return;
    for (const [k, d] of found) all.set(k, d);
    first ??= { ...(loc !== undefined ? { loc } : {}), what };
  };
  const lines = input.headerText.split('\n');
  for (const c of input.valued) note(textDependence(definitionText(lines, c), ctx), c.loc, `the value of ${c.name}`);
  for (const c of input.sized) {
    const found = textDependence(definitionText(lines, c), ctx);
    found.delete(keyOf({ kind: 'ioctl' }));
    note(found, c.loc, `the argument size of ${c.name}`);
  }
  for (const e of input.enumerators) note(ctx.enumerator(e.name ?? '') ?? new Map(), tu.loc(e.loc), `the value of ${e.name ?? ''}`);
  for (const site of tu.valueSites) {
    if (site.what === 'expression') {
      note(astDependence(site.node, ctx), tu.loc(site.node.range?.begin ?? site.node.loc), `a value in ${site.path}`);
      continue;
    }
    const text = tu.sourceText(site.node.range?.begin, site.node.range?.end);
    // A field a macro declares (`__EMU10K1_DECLARE_BITMAP(gpr_valid, 0x200)`) has no bracket in the
    // text: the macro call is looked at whole (the macro's definition holds the bound).
    const bounds = text === undefined ? undefined : text.includes('[') ? [...text.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] as string).join(' ') : text;
    // A field whose text cannot be read: nothing tells its bounds are the same everywhere.
    const found = bounds === undefined ? new Map<string, Dependence>([[keyOf({ kind: 'abi' }), { kind: 'abi' }]]) : textDependence(bounds, ctx);
    note(found, tu.loc(site.node.loc), `the array bound of ${site.path}`);
  }
  const typed: { spelled: string; where: string; loc?: SourceLoc | undefined }[] = [];
  const visitRecord = (r: Spec['records'][number], prefix: string): void => {
    for (const m of r.members) {
      const names: string[] = [];
      spelledScalars(m.type, names);
      for (const n of names) typed.push({ spelled: n, where: `${prefix}.${m.name ?? '<anonymous>'}`, loc: m.loc });
    }
  };
  for (const r of spec.records) visitRecord(r, `${r.kind} ${r.name ?? ''}`);
  for (const i of spec.ioctls) {
    const names: string[] = [];
    if (i.arg !== undefined) spelledScalars(i.arg, names);
    for (const n of names) typed.push({ spelled: n, where: `ioctl ${i.name}`, loc: i.loc });
  }
  for (const t of typed) {
    const kind = typedefDependence(t.spelled, ctx);
    if (kind !== undefined) note(new Map([[keyOf({ kind }), { kind }]]), t.loc, `the type ${t.spelled} of ${t.where}`);
  }
  if (first === undefined) return undefined;
  return { ...first, dependences: dependenceList(all) };
}

function collectEnumerators(n: AstNode, into: Map<string, AstNode>): void {
  if (n.kind === 'EnumConstantDecl' && n.name !== undefined) {
    if (!into.has(n.name)) into.set(n.name, n);
    return;
  }
  if (n.kind === 'EnumDecl' || n.kind === 'RecordDecl') for (const c of n.inner ?? []) collectEnumerators(c, into);
}

