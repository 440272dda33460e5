// Single functions, not the whole package: the `uapi diff` start-up reads fewer modules.
import semverValid = require('semver/functions/valid');
import { issue, type Issue } from '../diagnostics/issue';
import {
  FAILURE_CLASSES, type FieldAnnotations, type Member, type RecordDecl, type SourceLoc, type Spec, type TypeNode,
} from './model';
import { SCALARS } from './scalars';
import { checkSpecShape } from './spec-shape';
import type { JsonPath } from '../util/json-file';

const C_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ERRNO = /^E[A-Z0-9]+$/;
const isPow2 = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/**
 * Checks a spec and returns every problem found, each with a path such as `struct hl_cs_in.flags`
 * and the source location when known. Nothing is thrown; an empty list means the spec can be laid
 * out, encoded and diffed.
 *
 * What GNU C accepts and lays out is valid here even where it is a hazard in a new uAPI: a struct
 * or union without members (size 0; C++ makes it 1) and a zero-length or flexible array anywhere
 * (size 0; the kernel's `__DECLARE_FLEX_ARRAY` puts one in a union, older headers write `T x[0]`
 * between members). Lint rules S14 and S15 warn about those; validation only refuses what has no
 * layout at all.
 */
export function validateSpec(spec: Spec, locate?: (p: JsonPath) => SourceLoc): Issue[] {
  const shape = checkSpecShape(spec, locate);
  if (shape.length > 0) return shape;
  const out: Issue[] = [];
  const add = (code: string, path: string, message: string, loc?: SourceLoc): void => {
    out.push(issue(code, path, message, loc));
  };

  // The spec's own keys: their line in a spec.json, else the spec file itself.
  const top = (k: string): SourceLoc | undefined => locate?.([k]) ?? (spec.source !== undefined ? { file: spec.source, line: 1, col: 1 } : undefined);
  if (!C_IDENT.test(spec.name.replace(/-/g, '_'))) add('SPEC_NAME', 'spec', `spec name "${spec.name}" is not an identifier`, top('name'));
  if (semverValid(spec.version) === null) add('SPEC_VERSION', 'spec', `version "${spec.version}" is not a semantic version (x.y.z)`, top('version'));

  const records = new Map<string, RecordDecl>();
  const enums = new Set<string>();
  const groups = new Map<string, 'flags' | 'values'>();
  const globalNames = new Map<string, string>();
  const claim = (name: string, what: string, path: string, loc?: SourceLoc): void => {
    if (!C_IDENT.test(name)) add('SPEC_NAME', path, `"${name}" is not a C identifier`, loc);
    const prev = globalNames.get(name);
    if (prev !== undefined) add('SPEC_DUPLICATE', path, `${what} ${name} is declared twice (also as ${prev})`, loc);
    else globalNames.set(name, what);
  };

  for (const r of spec.records) {
    if (r.name === undefined) continue;
    const path = `${r.kind} ${r.name}`;
    if (records.has(r.name)) add('SPEC_DUPLICATE', path, `${path} is declared twice`, r.loc);
    else records.set(r.name, r);
  }
  for (const e of spec.enums) {
    if (enums.has(e.name)) add('SPEC_DUPLICATE', `enum ${e.name}`, `enum ${e.name} is declared twice`, e.loc);
    enums.add(e.name);
    for (const v of e.values) claim(v.name, 'enumerator', `enum ${e.name}.${v.name}`, v.loc ?? e.loc);
  }
  for (const g of spec.groups) {
    if (groups.has(g.name)) add('SPEC_DUPLICATE', `group ${g.name}`, `group ${g.name} is declared twice`, g.loc);
    groups.set(g.name, g.of);
  }
  for (const c of spec.constants) {
    const path = `constant ${c.name}`;
    claim(c.name, 'constant', path, c.loc);
    if (c.group !== undefined && !groups.has(c.group)) add('SPEC_UNKNOWN_GROUP', path, `group ${c.group} is not declared`, c.loc);
    if (c.payload !== undefined && !records.has(c.payload)) add('SPEC_UNKNOWN_TYPE', path, `payload type ${c.payload} is not declared`, c.loc);
    if (c.group !== undefined && groups.get(c.group) === 'flags' && c.value <= 0n) {
      add('SPEC_FLAG_VALUE', path, `a flag must be a positive bit mask, not ${c.value}`, c.loc);
    }
  }

  const checkType = (t: TypeNode, path: string, loc: SourceLoc | undefined): void => {
    switch (t.kind) {
      case 'scalar':
        if (!Object.prototype.hasOwnProperty.call(SCALARS, t.name)) add('SPEC_UNKNOWN_SCALAR', path, `unknown scalar type ${t.name}`, loc);
        return;
      case 'array':
        if (!Number.isSafeInteger(t.length) || t.length < 0) add('SPEC_ARRAY_LENGTH', path, `array length ${t.length} is not a non-negative integer`, loc);
        checkType(t.element, path, loc);
        return;
      case 'pointer':
        checkType(t.to, path, loc);
        return;
      case 'ref':
        if (t.tag === 'enum' ? !enums.has(t.name) : records.get(t.name)?.kind !== t.tag) {
          add('SPEC_UNKNOWN_TYPE', path, `${t.tag} ${t.name} is not declared`, loc);
        }
        return;
      case 'record':
        checkRecord(t.record, path);
        return;
    }
  };

  const checkAnnotations = (a: FieldAnnotations, m: Member, siblings: ReadonlySet<string>, path: string): void => {
    const loc = m.loc;
    const integer = m.type.kind === 'scalar' && !SCALARS[m.type.name].float;
    if (a.flags !== undefined) {
      if (groups.get(a.flags) !== 'flags') add('SPEC_UNKNOWN_GROUP', path, `flags(${a.flags}) names no flag group`, loc);
      if (!integer) add('SPEC_ANNOTATION_TYPE', path, 'flags() needs an integer field', loc);
    }
    if (a.oneOf !== undefined) {
      if (!groups.has(a.oneOf) && !enums.has(a.oneOf)) add('SPEC_UNKNOWN_GROUP', path, `oneOf(${a.oneOf}) names no enum or value group`, loc);
      if (!integer) add('SPEC_ANNOTATION_TYPE', path, 'oneOf() needs an integer field', loc);
    }
    if (a.handle !== undefined && !integer) add('SPEC_ANNOTATION_TYPE', path, 'handle() needs an integer field', loc);
    if (a.sizeOfStruct === true && !integer) add('SPEC_ANNOTATION_TYPE', path, 'sizeOfStruct() needs an integer field', loc);
    if (a.userPointer !== undefined) {
      const p = a.userPointer;
      if (m.type.kind !== 'scalar' || SCALARS[m.type.name].bytes !== 8) add('SPEC_ANNOTATION_TYPE', path, 'userPointer() needs a 64-bit field (__u64)', loc);
      if (p.lengthField !== undefined && !siblings.has(p.lengthField)) add('SPEC_UNKNOWN_FIELD', path, `length field ${p.lengthField} is not a field of the same struct or one around it`, loc);
      if (p.elementType !== undefined && !records.has(p.elementType) && !Object.prototype.hasOwnProperty.call(SCALARS, p.elementType)) {
        add('SPEC_UNKNOWN_TYPE', path, `element type ${p.elementType} is neither a declared struct/union nor a scalar`, loc);
      }
      if (p.lengthUnit === 'elements' && p.elementType === undefined) add('SPEC_ANNOTATION', path, 'a length in elements needs elementType', loc);
    }
  };

  // Names visible at one level of a record: its named members plus those of anonymous members.
  const visibleNames = (r: RecordDecl): string[] =>
    r.members.flatMap((m) => (m.name !== undefined ? [m.name] : m.type.kind === 'record' ? visibleNames(m.type.record) : []));

  // `outer`: names visible from enclosing levels, so that a field inside an anonymous struct can name
  // a length field of the struct around it, as C code would.
  const checkRecord = (r: RecordDecl, path: string, outer: ReadonlySet<string> = new Set()): void => {
    if (r.aligned !== undefined && !isPow2(r.aligned)) add('SPEC_ALIGNED', path, `aligned(${r.aligned}) is not a power of two`, r.loc);
    const seen = new Set<string>();
    for (const n of visibleNames(r)) {
      if (seen.has(n)) add('SPEC_DUPLICATE', `${path}.${n}`, `member ${n} is declared twice`, r.loc);
      seen.add(n);
    }
    const inScope = new Set([...outer, ...seen]);
    r.members.forEach((m, i) => {
      const mpath = m.name !== undefined ? `${path}.${m.name}` : `${path}.<anonymous #${i}>`;
      if (m.name !== undefined && !C_IDENT.test(m.name)) add('SPEC_NAME', mpath, `"${m.name}" is not a C identifier`, m.loc);
      if (m.name === undefined && m.type.kind !== 'record' && m.bits === undefined) {
        add('SPEC_ANONYMOUS', mpath, 'only a struct/union member or a bit-field may be unnamed', m.loc);
      }
      if (m.type.kind === 'record') checkRecord(m.type.record, mpath, inScope);
      else checkType(m.type, mpath, m.loc ?? r.loc);
      if (m.aligned !== undefined && !isPow2(m.aligned)) add('SPEC_ALIGNED', mpath, `aligned(${m.aligned}) is not a power of two`, m.loc);
      if (m.bits !== undefined) {
        const width = m.type.kind === 'scalar' ? SCALARS[m.type.name].bytes * 8 : m.type.kind === 'ref' && m.type.tag === 'enum' ? 32 : -1;
        if (width < 0) add('SPEC_BITFIELD', mpath, 'a bit-field must have an integer type', m.loc);
        else if (!Number.isInteger(m.bits) || m.bits < 0 || m.bits > width) add('SPEC_BITFIELD', mpath, `bit-field width ${m.bits} does not fit its ${width}-bit type`, m.loc);
        if (m.bits === 0 && m.name !== undefined) add('SPEC_BITFIELD', mpath, 'a zero-width bit-field must be unnamed', m.loc);
      }
      if (m.annotations !== undefined) checkAnnotations(m.annotations, m, inScope, mpath);
    });
  };

  for (const r of spec.records) checkRecord(r, r.name !== undefined ? `${r.kind} ${r.name}` : `${r.kind} <anonymous>`);
  checkCycles(spec, records, add);
  // Sizes only mean something once every type is known and none contains itself.
  if (out.length === 0) checkSizes(spec, records, add);

  for (const i of spec.ioctls) {
    const path = `ioctl ${i.name}`;
    claim(i.name, 'ioctl', path, i.loc);
    if (!Number.isInteger(i.type) || i.type < 0 || i.type > 255) add('SPEC_IOCTL_TYPE', path, 'type must be one character or a byte value 0..255', i.loc);
    if (!Number.isInteger(i.nr) || i.nr < 0 || i.nr > 255) add('SPEC_IOCTL_NR', path, `nr ${i.nr} is outside 0..255`, i.loc);
    if ((i.dir === 'none') !== (i.arg === undefined)) {
      add('SPEC_IOCTL_ARG', path, i.dir === 'none' ? '_IO takes no argument type' : `direction ${i.dir} needs an argument type`, i.loc);
    }
    if (i.arg !== undefined) checkType(i.arg, path, i.loc);
    if (i.tail !== undefined && i.sizeExtensible !== true) add('SPEC_IOCTL_TAIL', path, 'tail policy applies only to a size-extensible ioctl', i.loc);
    for (const [cls, errno] of Object.entries(i.errno ?? {})) {
      if (!(FAILURE_CLASSES as readonly string[]).includes(cls)) add('SPEC_ERRNO_CLASS', `${path}.errno.${cls}`, `unknown failure class (one of: ${FAILURE_CLASSES.join(', ')})`, i.loc);
      if (typeof errno !== 'string' || !ERRNO.test(errno)) add('SPEC_ERRNO', `${path}.errno.${cls}`, `"${String(errno)}" is not an errno name such as EINVAL`, i.loc);
    }
  }
  return out;
}

/** A struct that contains itself by value has no size: report each such cycle once. */
function checkCycles(spec: Spec, records: ReadonlyMap<string, RecordDecl>, add: (c: string, p: string, m: string, l?: SourceLoc) => void): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const refsOf = (t: TypeNode): string[] => {
    switch (t.kind) {
      case 'ref': return t.tag === 'enum' ? [] : [t.name];
      case 'array': return refsOf(t.element);
      case 'record': return t.record.members.flatMap((m) => refsOf(m.type));
      default: return [];
    }
  };
  const visit = (name: string, trail: string[]): void => {
    const s = state.get(name);
    if (s === 'done') return;
    const r = records.get(name);
    if (r === undefined) return;
    if (s === 'visiting') {
      add('SPEC_RECURSIVE', `${r.kind} ${name}`, `contains itself by value: ${[...trail, name].join(' -> ')}`, r.loc);
      return;
    }
    state.set(name, 'visiting');
    for (const m of r.members) for (const ref of refsOf(m.type)) visit(ref, [...trail, name]);
    state.set(name, 'done');
  };
  for (const r of spec.records) if (r.name !== undefined) visit(r.name, []);
}

/**
 * The largest object the 32-bit ABIs can address (PTRDIFF_MAX there): clang refuses a bigger array
 * for those targets ("array is too large"), and the layout engine, which maps every byte of a record
 * to find its padding, is not meant for more either.
 */
export const MAX_TYPE_BYTES = 2 ** 31 - 1;

/**
 * Every named record fits in {@link MAX_TYPE_BYTES}. The bound computed here is a lower one (no
 * padding, the narrowest width of `long`), so a type refused here is too big on every ABI.
 */
function checkSizes(spec: Spec, records: ReadonlyMap<string, RecordDecl>, add: (c: string, p: string, m: string, l?: SourceLoc) => void): void {
  const memo = new Map<string, number>();
  const sizeOf = (t: TypeNode): number => {
    switch (t.kind) {
      case 'scalar': return SCALARS[t.name].bytes === 8 && (t.name === 'long' || t.name === 'unsigned long') ? 4 : SCALARS[t.name].bytes;
      case 'pointer': return 4;
      case 'ref': return t.tag === 'enum' ? 1 : recordSize(records.get(t.name));
      case 'record': return recordSize(t.record);
      case 'array': return t.length * sizeOf(t.element);
    }
  };
  const recordSize = (r: RecordDecl | undefined): number => {
    if (r === undefined) return 0;
    const cached = r.name !== undefined ? memo.get(r.name) : undefined;
    if (cached !== undefined) return cached;
    const sizes = r.members.map((m) => (m.bits !== undefined ? Math.ceil(m.bits / 8) : sizeOf(m.type)));
    const size = r.kind === 'union' ? sizes.reduce((a, b) => Math.max(a, b), 0) : sizes.reduce((a, b) => a + b, 0);
    if (r.name !== undefined) memo.set(r.name, size);
    return size;
  };
  for (const r of spec.records) {
    const size = recordSize(r);
    if (size > MAX_TYPE_BYTES) {
      const big = r.members.find((m) => m.bits === undefined && sizeOf(m.type) > MAX_TYPE_BYTES);
      const where = big !== undefined ? `${r.kind} ${r.name ?? '<anonymous>'}.${big.name ?? '<anonymous>'}` : `${r.kind} ${r.name ?? '<anonymous>'}`;
      add('SPEC_TYPE_SIZE', where, `at least ${size} bytes: more than ${MAX_TYPE_BYTES}, the largest object the 32-bit ABIs (i386, arm, mips) can have`, big?.loc ?? r.loc);
    }
  }
  for (const i of spec.ioctls) {
    if (i.arg !== undefined && i.arg.kind !== 'ref' && sizeOf(i.arg) > MAX_TYPE_BYTES) add('SPEC_TYPE_SIZE', `ioctl ${i.name}`, `the argument is at least ${sizeOf(i.arg)} bytes: more than ${MAX_TYPE_BYTES}`, i.loc);
  }
}
