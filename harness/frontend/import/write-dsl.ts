import * as path from 'node:path';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { declarationLocations } from '../../core/model/dsl/header-origin';
import type { KernelScalarName, Member, RecordDecl, SourceLoc, Spec, TypeNode } from '../../core/model/model';
import { KERNEL_SCALARS } from '../../core/model/model';

/** DSL builder name per kernel scalar (`__aligned_u64` → `alignedU64`). */
const KERNEL_BUILDER: Readonly<Record<KernelScalarName, string>> = Object.fromEntries(
  KERNEL_SCALARS.map((n) => [n, n.replace(/^__/, '').replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())]),
) as Record<KernelScalarName, string>;

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await',
  'spec', 'annotations', ...Object.values(KERNEL_BUILDER),
  'struct', 'union', 'anonymous', 'array', 'field', 'enumeration', 'constants', 'ioctl', 'defineSpec', 'applyAnnotations', 'cScalar', 'cType',
  'headerConstants', 'headerLocations',
]);

const literal = (v: bigint): string => (Number.isSafeInteger(Number(v)) ? (v > 255n ? `0x${v.toString(16)}` : v.toString()) : `${v}n`);
const where = (loc: SourceLoc | undefined): string => (loc !== undefined ? ` // ${path.basename(loc.file)}:${loc.line}` : '');

/**
 * Writes an imported spec as DSL source (`spec.ts`): one builder per struct, union, enum and ioctl,
 * named after the C declaration, each with a comment naming the header line. The spec it defines
 * is passed through `applyAnnotations` with `./annotations`, which the import never overwrites.
 */
export function writeDsl(spec: Spec, header: string, headerFromSpec?: string): { text: string; issues: Issue[] } {
  const issues: Issue[] = [];
  const used = new Set<string>();
  const idents = new Map<string, string>();
  const identFor = (key: string, name: string): string => {
    let id = RESERVED.has(name) ? `${name}_` : name;
    while (used.has(id)) id = `${id}_`;
    used.add(id);
    idents.set(key, id);
    return id;
  };
  spec.records.forEach((r) => r.name !== undefined && identFor(`${r.kind} ${r.name}`, r.name));
  spec.enums.forEach((e) => identFor(`enum ${e.name}`, e.name));
  spec.ioctls.forEach((i) => identFor(`ioctl ${i.name}`, i.name));
  const imports = new Set<string>(['defineSpec', 'applyAnnotations']);
  const use = (name: string): string => {
    imports.add(name);
    return name;
  };

  const typeExpr = (t: TypeNode, indent: string): string => {
    switch (t.kind) {
      case 'scalar':
        if (t.spelled !== undefined) return `${use('cType')}(${JSON.stringify(t)})`;
        if ((KERNEL_SCALARS as readonly string[]).includes(t.name)) return use(KERNEL_BUILDER[t.name as KernelScalarName]);
        return `${use('cScalar')}('${t.name}')`;
      case 'array': return `${use('array')}(${typeExpr(t.element, indent)}, ${t.length})`;
      case 'pointer': return `${use('cType')}(${JSON.stringify(t)})`;
      case 'ref': return idents.get(`${t.tag} ${t.name}`) ?? t.name;
      case 'record': return recordExpr(t.record, indent);
    }
  };
  const memberExpr = (m: Member, indent: string, ownerPath: string): string => {
    let e = typeExpr(m.type, indent);
    const modifiers = `${m.bits !== undefined ? `.bits(${m.bits})` : ''}${m.aligned !== undefined ? `.aligned(${m.aligned})` : ''}`;
    if (modifiers !== '') e = m.type.kind === 'scalar' && m.type.spelled === undefined || m.type.kind === 'array' ? `${e}${modifiers}` : `${use('field')}(${e})${modifiers}`;
    if (m.name === undefined && m.bits !== undefined) {
      issues.push(issue('IMPORT_DSL', `${ownerPath}.<unnamed bit-field>`, 'the DSL has no unnamed bit-fields: written as a named one, which can change the struct alignment', m.loc, 'warning'));
    }
    return e;
  };
  const recordExpr = (r: RecordDecl, indent: string): string => {
    const inner = `${indent}  `;
    let anon = 0;
    const owner = `${r.kind} ${r.name ?? '<anonymous>'}`;
    const lines = r.members.map((m) => {
      if (m.name === undefined && m.type.kind === 'record' && m.bits === undefined) {
        return `${inner}_anon${anon++}: ${use('anonymous')}(${recordExpr(m.type.record, inner)}),${where(m.loc)}`;
      }
      const key = m.name ?? `_unnamed${anon++}`;
      return `${inner}${key}: ${memberExpr(m, inner, owner)},${where(m.loc)}`;
    });
    const options = [...(r.packed === true ? ['packed: true'] : []), ...(r.aligned !== undefined ? [`aligned: ${r.aligned}`] : []), ...(r.maxFieldAlign !== undefined ? [`maxFieldAlign: ${r.maxFieldAlign}`] : [])];
    const opts = options.length > 0 ? `, { ${options.join(', ')} }` : '';
    const nameArg = r.name !== undefined ? `'${r.name}', ` : '';
    return `${use(r.kind)}(${nameArg}{\n${lines.join('\n')}\n${indent}}${opts})`;
  };

  const body: string[] = [];
  for (const e of spec.enums) {
    const values = e.values.map((v) => `  ${v.name}: ${literal(v.value)},${where(v.loc)}`).join('\n');
    const opts = e.packed === true ? ', { packed: true }' : '';
    body.push(`export const ${idents.get(`enum ${e.name}`)} = ${use('enumeration')}('${e.name}', {\n${values}\n}${opts});${where(e.loc)}`, '');
  }
  for (const r of spec.records) {
    if (r.name === undefined) continue;
    body.push(`export const ${idents.get(`${r.kind} ${r.name}`)} = ${recordExpr(r, '')};${where(r.loc)}`, '');
  }
  if (spec.constants.length > 0) {
    const values = spec.constants.map((c) => `  ${c.name}: ${literal(c.value)},${where(c.loc)}`).join('\n');
    body.push(`export const headerConstants = ${use('constants')}({\n${values}\n});`, '');
  }
  for (const i of spec.ioctls) {
    const type = i.type >= 0x20 && i.type < 0x7f && i.type !== 0x27 && i.type !== 0x5c ? `'${String.fromCharCode(i.type)}'` : `0x${i.type.toString(16)}`;
    const arg = i.arg !== undefined ? `, arg: ${typeExpr(i.arg, '')}` : '';
    body.push(`export const ${idents.get(`ioctl ${i.name}`)} = ${use('ioctl')}('${i.name}', { dir: '${i.dir}', type: ${type}, nr: 0x${i.nr.toString(16)}${arg} });${where(i.loc)}`);
  }
  const types = [...spec.enums.map((e) => idents.get(`enum ${e.name}`)), ...spec.records.filter((r) => r.name !== undefined).map((r) => idents.get(`${r.kind} ${r.name}`))];
  const located = headerFromSpec !== undefined ? declarationLocations(spec, header) : [];
  if (headerFromSpec !== undefined && located.length > 0) {
    body.push(
      '',
      '/** Where each declaration is in the header (line:col): findings and changes point there. */',
      'const headerLocations = {',
      `  file: '${headerFromSpec.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}',`,
      '  at: {',
      ...located.map(([k, l]) => `    '${k}': '${l.line}:${l.col}',`),
      '  },',
      '};',
    );
  }
  body.push(
    '',
    'export const spec = applyAnnotations(defineSpec({',
    `  name: ${JSON.stringify(spec.name)},`,
    `  version: ${JSON.stringify(spec.version)},`,
    `  ioctls: [${spec.ioctls.map((i) => idents.get(`ioctl ${i.name}`)).join(', ')}],`,
    `  types: [${types.join(', ')}],`,
    `  constants: [${spec.constants.length > 0 ? 'headerConstants' : ''}],`,
    ...(located.length > 0 ? ['  header: headerLocations,'] : []),
    '}), annotations);',
    '',
  );
  const head = [
    `// Generated by \`uapi import\` from ${header}. Re-running the import rewrites this file:`,
    '// put annotations (pad/reserved roles, flag groups, errno, size-extensible ioctls) in',
    '// annotations.ts, which the import creates once and never touches again.',
    `import { ${[...imports].sort().join(', ')} } from 'uapi-harness/dsl';`,
    "import { annotations } from './annotations';",
    '',
  ];
  return { text: [...head, ...body].join('\n'), issues };
}

/** The annotations file a first import creates, with commented suggestions for pad/reserved fields. */
export function annotationsTemplate(spec: Spec, header: string): string {
  const suggestions: string[] = [];
  const visit = (r: RecordDecl, prefix: string): void => {
    for (const m of r.members) {
      if (m.name === undefined && m.type.kind === 'record') visit(m.type.record, prefix);
      else if (m.name !== undefined && /^(pad|reserved)/.test(m.name)) {
        suggestions.push(`    // '${prefix}${m.name}': { role: '${m.name.startsWith('pad') ? 'pad' : 'reserved'}' },`);
      }
    }
  };
  for (const r of spec.records) if (r.name !== undefined) visit(r, `${r.name}.`);
  const firstIoctl = spec.ioctls[0]?.name ?? 'SOME_IOCTL';
  const firstRecord = spec.records.find((r) => r.name !== undefined)?.name ?? 'some_struct';
  return [
    `// Annotations for the uAPI imported from ${header}.`,
    '// `uapi import` creates this file once and never rewrites it, so re-importing after the header',
    '// changes keeps everything here. An entry whose field, ioctl or constant no longer exists makes',
    '// loading the spec fail with that entry named, so nothing is dropped silently.',
    "import { defineAnnotations } from 'uapi-harness/dsl';",
    '',
    'export const annotations = defineAnnotations({',
    "  // version: '1.0.0',",
    '  fields: {',
    ...suggestions,
    '  },',
    '  ioctls: {',
    `    // ${firstIoctl}: { sizeExtensible: true, tail: 'reject', errno: { badValue: 'EINVAL' } },`,
    '  },',
    '  groups: {',
    "    // some_flags: { of: 'flags', members: ['FLAG_A', 'FLAG_B'] },",
    '  },',
    '  // Lint findings of an upstream header that cannot change: accepted per struct, with a reason;',
    '  // owner and expires (YYYY-MM-DD) are optional, and past its date a waiver fails the gate.',
    '  lintWaivers: {',
    `    // ${firstRecord}: [{ rule: 'S5', reason: 'upstream layout, fixed by the compat ioctl', owner: 'you@example.org', expires: '2027-06-30' }],`,
    '  },',
    '});',
    '',
  ].join('\n');
}
