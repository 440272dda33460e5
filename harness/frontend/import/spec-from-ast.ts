import { issue, type Issue } from '../../core/diagnostics/issue';
import { constantValue, declLoc, type AstNode } from '../clang/ast-json';
import type { ClangDiagnostic } from '../clang/diagnostics';
import { PROBE_FILE } from '../clang/probe-compile';
import type { ConstantDecl, EnumDecl, IoctlDecl, IoctlDir, RecordDecl, SourceLoc, Spec, TypeNode } from '../../core/model/model';
import { dependencyOrder } from '../emit/dependency-order';
import { elementOf, modelType } from './clang-types';
import { FALLBACK_NAME, IOC_SIZED, IOC_TYPED, NO_IOC_NAME, PROBE_DIR, SHAPE_NAME, VALUE_NAME, valueLine } from './import-probe';
import type { MacroCandidate } from './macro-candidates';
import { TranslationUnit } from './translation-unit';
import type { ValueHint } from './value-dependence';
import { valueHintOf, type DependenceSources } from './value-hint';
import { pushAll } from '../../core/util/push-all';

export interface AstImport {
  /** The header as clang spells it in the AST (the absolute path the probe includes). */
  readonly header: string;
  /** How to name the header in locations and messages. */
  readonly display: string;
  readonly candidates: readonly MacroCandidate[];
  readonly probeDiagnostics: readonly ClangDiagnostic[];
  readonly name: string;
  readonly version: string;
  /**
   * What the probe said about each candidate, when it was gathered from more than one clang run (see
   * import-passes.ts); otherwise it is read from `root` and `probeDiagnostics` (the one-pass probe).
   */
  readonly readings?: ProbeReadings;
  /**
   * The header's text and the files its macros may come from: with them, the import also tells
   * whether a value it computed may differ on another ABI (value-hint.ts).
   */
  readonly dependence?: { readonly headerText: string; readonly sources: DependenceSources };
  /** The one-pass probe's text, to tell which candidate a diagnostic on a shape line is about. */
  readonly probeText?: string;
}

/** What the probe's own declarations tell about the candidates, by candidate index. */
export interface ProbeReadings {
  /** Values clang computed with the header's macros only. */
  readonly values: ReadonlyMap<number, bigint>;
  /** Values computed with the kernel-internal fallback macros defined. */
  readonly fallbackValues: ReadonlyMap<number, bigint>;
  readonly shapes: ReadonlyMap<number, IoctlShape>;
  /** clang's first error on a candidate's value declaration: why it is no integer constant. */
  readonly valueErrors: ReadonlyMap<number, string>;
  /**
   * clang's first error on a candidate's shape declaration: an ioctl whose argument type the header
   * does not declare (`_IOR('B', 1, size_t)` without <stddef.h>), which clang would take as `int`.
   */
  readonly shapeErrors?: ReadonlyMap<number, string>;
}

const SHAPE_LINE = /^typedef __typeof__\(.*\) __uapi_k(\d+);$/;

/** clang's first error on each shape line of a probe, by candidate. */
export function shapeErrorsOf(probeText: string, diagnostics: readonly ClangDiagnostic[]): Map<number, string> {
  const lines = new Map<number, number>();
  probeText.split('\n').forEach((l, i) => {
    const m = SHAPE_LINE.exec(l);
    if (m !== null) lines.set(i + 1, Number(m[1]));
  });
  const out = new Map<number, string>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.loc?.file !== PROBE_FILE) continue;
    const i = lines.get(d.loc.line);
    if (i !== undefined && !out.has(i)) out.set(i, d.message);
  }
  return out;
}

/** Values, fallback values and shapes of the probe declarations among `top` (nodes clang located in the probe). */
export function readProbeDeclarations(top: readonly AstNode[]): { values: Map<number, bigint>; fallbackValues: Map<number, bigint>; shapes: Map<number, IoctlShape> } {
  const values = new Map<number, bigint>();
  const fallbackValues = new Map<number, bigint>();
  const shapes = new Map<number, IoctlShape>();
  for (const n of top) {
    if (declLoc(n.loc)?.file !== PROBE_FILE) continue;
    if (n.kind === 'EnumDecl') {
      for (const c of n.inner ?? []) readValue(c, values, fallbackValues);
    } else if (n.kind === 'TypedefDecl') {
      const m = SHAPE_NAME.exec(n.name ?? '');
      const shape = m !== null ? ioctlShape(n) : undefined;
      if (m !== null && shape !== undefined) shapes.set(Number(m[1]), shape);
    }
  }
  return { values, fallbackValues, shapes };
}

/** Whether the probe found no `_IOC` after the header's include (it then declares `__uapi_no_ioc`). */
export function probeDefinesNoIoc(top: readonly AstNode[]): boolean {
  return top.some((n) => n.kind === 'EnumDecl' && declLoc(n.loc)?.file === PROBE_FILE && (n.inner ?? []).some((c) => c.name === NO_IOC_NAME));
}

/** The value of one `__uapi_vN` / `__uapi_wN` enumerator, into the map its name says. */
export function readValue(c: AstNode, values: Map<number, bigint>, fallbackValues: Map<number, bigint>): void {
  const m = VALUE_NAME.exec(c.name ?? '');
  const f = FALLBACK_NAME.exec(c.name ?? '');
  const v = constantValue(c);
  if (m !== null && v !== undefined) values.set(Number(m[1]), v);
  if (f !== null && v !== undefined) fallbackValues.set(Number(f[1]), v);
}

/** The readings of the one-pass probe: its AST, and its diagnostics on each value line. */
function onePassReadings(top: readonly AstNode[], imp: AstImport): ProbeReadings {
  const valueErrors = new Map<number, string>();
  imp.candidates.forEach((_, i) => {
    const why = imp.probeDiagnostics.find((d) => d.severity === 'error' && d.loc?.file === PROBE_FILE && d.loc.line === valueLine(i));
    if (why !== undefined) valueErrors.set(i, why.message);
  });
  return { ...readProbeDeclarations(top), valueErrors, ...(imp.probeText !== undefined ? { shapeErrors: shapeErrorsOf(imp.probeText, imp.probeDiagnostics) } : {}) };
}

const DIRS: Readonly<Record<number, IoctlDir>> = { [PROBE_DIR.none]: 'none', [PROBE_DIR.w]: 'w', [PROBE_DIR.r]: 'r', [PROBE_DIR.rw]: 'rw' };

function find(n: AstNode, kind: string): AstNode | undefined {
  if (n.kind === kind) return n;
  for (const c of n.inner ?? []) {
    const f = find(c, kind);
    if (f !== undefined) return f;
  }
  return undefined;
}

/** An array size inside one parameter of the probe's function type: a value clang evaluated. */
const encoded = (param: AstNode | undefined): number | undefined => {
  const a = param !== undefined ? find(param, 'ConstantArrayType') : undefined;
  return a?.size !== undefined ? a.size - 1 : undefined;
};

export interface IoctlShape {
  readonly dir: IoctlDir;
  readonly type: number;
  readonly nr: number;
  /** The argument type as clang spells it, or its byte size when the header used `_IOC` directly. */
  readonly arg?: { spelling: string } | { size: number };
}

/** Reads the function type the probe's `_IO*` produce (see import-probe.ts); undefined if not an ioctl. */
export function ioctlShape(typedef: AstNode): IoctlShape | undefined {
  const fn = find(typedef, 'FunctionProtoType');
  const [ret, pDir, pType, pNr, pArg] = fn?.inner ?? [];
  const marker = ret?.type?.qualType;
  if (marker !== `struct ${IOC_TYPED}` && marker !== `struct ${IOC_SIZED}`) return undefined;
  const d = encoded(pDir);
  const type = encoded(pType);
  const nr = encoded(pNr);
  const dir = d !== undefined ? DIRS[d] : undefined;
  if (dir === undefined || type === undefined || nr === undefined) return undefined;
  // `_IOC(_IOC_NONE, 'G', 5, sizeof(struct x))` (xen/gntalloc.h) has no direction and a size all the same.
  if (dir === 'none' && marker !== `struct ${IOC_SIZED}`) return { dir, type, nr };
  if (marker === `struct ${IOC_SIZED}`) {
    const size = encoded(pArg);
    return size === undefined ? undefined : { dir, type, nr, arg: { size } };
  }
  const typeOf = pArg !== undefined ? find(pArg, 'TypeOfType') : undefined;
  const spelling = typeOf?.inner?.[0]?.type?.qualType ?? pArg?.inner?.[0]?.type?.qualType;
  return spelling === undefined ? undefined : { dir, type, nr, arg: { spelling } };
}

function refsOf(t: TypeNode): { tag: 'struct' | 'union' | 'enum'; name: string }[] {
  switch (t.kind) {
    case 'ref': return [{ tag: t.tag, name: t.name }];
    case 'array': return refsOf(t.element);
    case 'record': return t.record.members.flatMap((m) => refsOf(m.type));
    default: return [];
  }
}

/**
 * Builds the spec from the import probe's AST: the header's own structs, unions and enums (and the
 * types they use from other headers), its integer macros as constants, its ioctl macros decoded.
 */
export function specFromAst(root: AstNode, imp: AstImport): { spec: Spec; issues: Issue[]; valueHint?: ValueHint } {
  const tu = new TranslationUnit(root, (f) => (f === imp.header ? imp.display : f));
  const issues: Issue[] = [];
  const records: RecordDecl[] = [];
  const recordNames = new Set<string>();
  const enums: EnumDecl[] = [];
  const enumNames = new Set<string>();
  const constants: ConstantDecl[] = [];
  const enumerators = new Set<string>();
  const enumeratorNodes: AstNode[] = [];
  const valued: MacroCandidate[] = [];
  const sized: MacroCandidate[] = [];

  const addEnum = (n: AstNode): void => {
    if (n.inner === undefined) return;
    for (const c of n.inner) if (c.kind === 'EnumConstantDecl') enumeratorNodes.push(c);
    const e = tu.enumeration(n);
    e.values.forEach((v) => enumerators.add(v.name));
    if (n.name !== undefined && n.name !== '') {
      if (!enumNames.has(e.name)) enums.push(e);
      enumNames.add(e.name);
      return;
    }
    // An anonymous enum only names integer constants.
    for (const v of e.values) constants.push({ kind: 'constant', name: v.name, value: v.value, ...(v.loc !== undefined ? { loc: v.loc } : {}) });
  };
  // Tags declared inside a struct are file-scope declarations in C.
  const addRecord = (n: AstNode): void => {
    if (n.completeDefinition !== true) return;
    if (n.name !== undefined && n.name !== '' && !recordNames.has(n.name)) {
      recordNames.add(n.name);
      records.push(tu.record(n));
    }
    for (const c of n.inner ?? []) {
      if (c.kind === 'RecordDecl') addRecord(c);
      else if (c.kind === 'EnumDecl') addEnum(c);
    }
  };
  const { values, fallbackValues, shapes, valueErrors, shapeErrors } = imp.readings ?? onePassReadings(tu.top, imp);
  const noIoc = probeDefinesNoIoc(tu.top);
  let noIocWarned = false;
  for (const n of tu.top) {
    if (declLoc(n.loc)?.file !== imp.header) continue;
    if (n.kind === 'RecordDecl') addRecord(n);
    else if (n.kind === 'EnumDecl') addEnum(n);
  }

  const ioctls: IoctlDecl[] = [];
  // `#define X (X - 1)` after an enumerator X (linux/pkt_sched.h): C code that names X expands the
  // macro, so X has the macro's value; `#define X X` gives the enumerator's own.
  const shadowing = new Map<string, { value: bigint; c: MacroCandidate }>();
  imp.candidates.forEach((c, i) => {
    if (enumerators.has(c.name)) {
      const v = values.get(i);
      if (v !== undefined) {
        shadowing.set(c.name, { value: v, c });
        valued.push(c);
      }
      return;
    }
    const shape = shapes.get(i);
    const path = shape !== undefined ? `ioctl ${c.name}` : `constant ${c.name}`;
    if (shape !== undefined) {
      const undeclared = shapeErrors?.get(i);
      if (undeclared !== undefined) {
        // clang recovers from an unknown type name as `int`: the size (and request number) would be int's.
        const named = /'([^']+)'/.exec(undeclared)?.[1];
        issues.push(issue('IMPORT_IOCTL_UNDECLARED_TYPE', path, `its argument type${named !== undefined ? ` ${named}` : ''} is declared neither in the header nor in what it includes (clang: ${undeclared}), so its size and request number are unknown here: not imported (include the header that declares it, e.g. <stddef.h> for size_t or <stdbool.h> for bool, in a header given with -I that includes both)`, c.loc, 'warning'));
        return;
      }
      if (noIoc && !noIocWarned) {
        noIocWarned = true;
        issues.push(issue('IMPORT_IOC_UNDEFINED', path, 'the header uses the _IO* macros but neither it nor what it includes defines them: a program must include <linux/ioctl.h> first; its ioctls are imported with the request numbers they have then', c.loc, 'warning'));
      }
      let arg: TypeNode | undefined;
      if (shape.dir === 'none' && shape.arg !== undefined && 'size' in shape.arg) {
        // The model's `_IO` has no size (a spec with one does not validate): left out rather than encoded without it.
        issues.push(issue('IMPORT_IOCTL_SIZE', path, `defined with _IOC, no direction and a size (${shape.arg.size} bytes on x86_64), which a spec cannot express: not imported`, c.loc, 'warning'));
        return;
      }
      if (shape.arg !== undefined && 'size' in shape.arg) {
        sized.push(c);
        arg = { kind: 'array', element: { kind: 'scalar', name: '__u8' }, length: shape.arg.size };
        issues.push(issue('IMPORT_IOCTL_SIZE', path, `defined with _IOC and a size (${shape.arg.size} bytes on x86_64), not a type: the argument is recorded as __u8[${shape.arg.size}]`, c.loc, 'warning'));
      } else if (shape.arg !== undefined) {
        const t = modelType(shape.arg.spelling, tu);
        if (typeof t === 'string') {
          issues.push(issue('IMPORT_TYPE', path, t, c.loc));
          return;
        }
        // `_IOW('a', 1, struct atmif_sioc)` in a header that neither defines nor includes that struct:
        // the macro expands (the size is only taken where it is used), but no program that includes
        // only this header can use it, and its request number depends on a size nobody here knows.
        const element = elementOf(t);
        if (element.kind === 'ref' && !tu.defines(element.tag, element.name)) {
          issues.push(issue('IMPORT_IOCTL_INCOMPLETE', path, `its argument ${element.tag} ${element.name} is defined neither in the header nor in what it includes, so its size and request number are unknown here: not imported (include the header that defines it)`, c.loc, 'warning'));
          return;
        }
        arg = t;
      }
      ioctls.push({ kind: 'ioctl', name: c.name, type: shape.type, nr: shape.nr, dir: shape.dir, ...(arg !== undefined ? { arg } : {}), loc: c.loc });
      return;
    }
    const value = values.get(i);
    if (value !== undefined) {
      constants.push({ kind: 'constant', name: c.name, value, loc: c.loc });
      valued.push(c);
      return;
    }
    const why = valueErrors.get(i);
    const kernelOnly = fallbackValues.get(i);
    if (kernelOnly !== undefined) {
      constants.push({ kind: 'constant', name: c.name, value: kernelOnly, loc: c.loc });
      valued.push(c);
      issues.push(issue('IMPORT_KERNEL_ONLY_MACRO', `constant ${c.name}`, `uses a macro only the kernel defines (BIT, SZ_*, U*_MAX...): userspace cannot compile it${why !== undefined ? ` (clang: ${why})` : ''}; imported with the kernel's value ${kernelOnly}`, c.loc, 'warning'));
      return;
    }
    issues.push(issue('IMPORT_MACRO_SKIPPED', `#define ${c.name}`, `not an integer constant or ioctl, not imported${why !== undefined ? ` (clang: ${why})` : ''}`, c.loc, 'info'));
  });

  const shadowed = <T extends { name: string; value: bigint; loc?: SourceLoc }>(v: T, where: string): T => {
    const s = shadowing.get(v.name);
    if (s === undefined || s.value === v.value) return v;
    issues.push(issue('IMPORT_MACRO_SHADOWS_ENUMERATOR', `#define ${v.name}`, `redefines the enumerator ${v.name} of ${where}${v.loc !== undefined ? ` (${v.loc.file}:${v.loc.line})` : ''}: C code that names ${v.name} gets the macro's value ${s.value}, not ${v.value}; imported with ${s.value}`, s.c.loc, 'warning'));
    return { ...v, value: s.value };
  };
  for (let k = 0; k < enums.length; k++) {
    const e = enums[k] as EnumDecl;
    if (e.values.some((v) => shadowing.has(v.name))) enums[k] = { ...e, values: e.values.map((v) => shadowed(v, `enum ${e.name}`)) };
  }
  for (let k = 0; k < constants.length; k++) constants[k] = shadowed(constants[k] as ConstantDecl, 'an unnamed enum');

  // Types the header's declarations use from other headers come along, so the spec is complete.
  const pending = [...records.flatMap((r) => refsOf({ kind: 'record', record: r })), ...ioctls.flatMap((i) => (i.arg !== undefined ? refsOf(i.arg) : []))];
  while (pending.length > 0) {
    const ref = pending.pop() as { tag: 'struct' | 'union' | 'enum'; name: string };
    if (ref.tag === 'enum') {
      if (enumNames.has(ref.name)) continue;
      const e = tu.enumNamed(ref.name);
      enumNames.add(ref.name);
      if (e !== undefined) enums.push(e);
      else issues.push(issue('IMPORT_TYPE', `enum ${ref.name}`, 'used but never defined'));
      continue;
    }
    if (recordNames.has(ref.name)) continue;
    recordNames.add(ref.name);
    const r = tu.recordNamed(ref.name);
    if (r === undefined) {
      issues.push(issue('IMPORT_TYPE', `${ref.tag} ${ref.name}`, 'used by value but never defined (incomplete type)'));
      continue;
    }
    records.push(r);
    pushAll(pending, refsOf({ kind: 'record', record: r }));
  }

  const byPosition = <T extends { loc?: { line: number; col: number } }>(a: T, b: T): number =>
    (a.loc?.line ?? 0) - (b.loc?.line ?? 0) || (a.loc?.col ?? 0) - (b.loc?.col ?? 0);
  constants.sort(byPosition);
  ioctls.sort(byPosition);
  const spec: Spec = {
    name: imp.name,
    version: imp.version,
    records: dependencyOrder(records),
    enums,
    constants,
    groups: [],
    ioctls,
    source: imp.display,
  };
  const valueHint = imp.dependence !== undefined
    ? valueHintOf({ tu, spec, header: imp.header, headerText: imp.dependence.headerText, valued, sized, enumerators: enumeratorNodes, sources: imp.dependence.sources })
    : undefined;
  return { spec, issues: [...tu.issues, ...issues], ...(valueHint !== undefined ? { valueHint } : {}) };
}
