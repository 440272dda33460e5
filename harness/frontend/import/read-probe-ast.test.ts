import test from 'ava';
import { constantValue, declLoc, fillLocations, type AstNode } from '../clang/ast-json';
import { firstConstantValue, skipLocations, topLevelElements } from '../clang/ast-text';
import { LocationFiller } from '../clang/ast-json';
import { PROBE_FILE } from '../clang/probe-compile';
import { readProbeAst } from './read-probe-ast';

// A dump in clang's layout (JSON.stringify with 2 spaces prints what llvm's JSON writer prints):
// locations leave out `file` and `line` when they repeat the previous one, as clang does.
const loc = (offset: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ offset, col: 1, tokLen: 1, ...extra });
const macroLoc = (spelling: Record<string, unknown>, expansion: Record<string, unknown>): Record<string, unknown> => ({ spellingLoc: spelling, expansionLoc: expansion });

const DUMP = {
  id: '0x1', kind: 'TranslationUnitDecl', loc: {}, range: { begin: {}, end: {} },
  inner: [
    { id: '0x2', kind: 'TypedefDecl', loc: loc(10, { file: '/h/types.h', line: 3, includedFrom: { file: '/h/x.h' } }), name: '__u32', type: { qualType: 'unsigned int' } },
    { id: '0x3', kind: 'FunctionDecl', loc: loc(20, { line: 7 }), name: 'helper', inner: [{ kind: 'CompoundStmt', range: { begin: loc(30, { file: '/h/x.h', line: 12, includedFrom: { file: '/h/elsewhere.h' } }), end: loc(40, { line: 14 }) } }] },
    { id: '0x4', kind: 'RecordDecl', loc: loc(50), name: 'r', tagUsed: 'struct', completeDefinition: true, inner: [{ kind: 'FieldDecl', loc: loc(60, { line: 15 }), name: 'a', type: { qualType: '__u32' } }] },
    { id: '0x5', kind: 'VarDecl', loc: loc(70, { file: '/h/y.h', line: 2 }), name: 'v' },
    { id: '0x6', kind: 'EnumDecl', loc: loc(0, { file: PROBE_FILE, line: 2 }), range: { begin: loc(0), end: loc(30) }, inner: [
      { id: '0x7', kind: 'EnumConstantDecl', loc: loc(7), name: '__uapi_v0', inner: [
        { id: '0x8', kind: 'ConstantExpr', range: { begin: macroLoc(loc(5, { file: '/h/x.h', line: 40 }), loc(20, { file: PROBE_FILE, line: 2 })), end: loc(25) }, value: '4096', inner: [
          { id: '0x9', kind: 'IntegerLiteral', range: { begin: macroLoc(loc(5, { file: '/h/x.h', line: 40 }), loc(20, { file: PROBE_FILE, line: 2 })), end: loc(25) }, value: '1' },
        ] },
      ] },
    ] },
    { id: '0xa', kind: 'EnumDecl', loc: loc(3, { line: 3 }), inner: [{ id: '0xb', kind: 'EnumConstantDecl', loc: loc(9), name: '__uapi_v1', inner: [
      { id: '0xc', kind: 'ParenExpr', inner: [{ id: '0xd', kind: 'ConstantExpr', value: '-7' }] },
    ] }, { id: '0xe', kind: 'EnumConstantDecl', loc: loc(30), name: '__uapi_v2' }] },
    { id: '0xf', kind: 'EnumDecl', loc: loc(80, { file: '/h/x.h', line: 50 }), name: 'named', inner: [{ id: '0x10', kind: 'EnumConstantDecl', loc: loc(90), name: 'A' }] },
    { id: '0x11', kind: 'EnumDecl', loc: loc(95), inner: [{ id: '0x12', kind: 'EnumConstantDecl', loc: loc(96), name: 'HEADER_ANON' }] },
  ],
};

test('the selective read keeps what the importer reads, with the locations a whole parse gives', (t) => {
  const text = JSON.stringify(DUMP, null, 2);
  const whole = JSON.parse(text) as AstNode;
  fillLocations(whole);
  const read = readProbeAst({ exitCode: 0, stdout: text, stderr: '' });
  if (read === undefined) return t.fail('no AST');
  const kept = (whole.inner ?? []).filter((n) => ['TypedefDecl', 'RecordDecl', 'EnumDecl'].includes(n.kind));
  t.deepEqual(read.inner?.map((n) => n.kind), kept.map((n) => n.kind), 'functions and variables are left out');
  for (const [i, n] of (read.inner ?? []).entries()) {
    const w = kept[i] as AstNode;
    t.deepEqual(n.loc, w.loc, `loc of ${w.kind} ${w.name ?? '#' + String(i)}`);
    if (declLoc(w.loc)?.file === PROBE_FILE) {
      t.deepEqual(n.inner?.map((c) => [c.name, constantValue(c)]), w.inner?.map((c) => [c.name, constantValue(c)]), 'probe enumerators: names and values');
    } else if (w.kind === 'TypedefDecl') {
      t.deepEqual([n.name, n.type], [w.name, w.type], 'typedefs: name and type spelling');
    } else {
      t.deepEqual(n, w, 'declarations of the header are parsed whole');
    }
  }
  t.deepEqual(declLoc(read.inner?.[1]?.loc), { file: '/h/x.h', line: 14, col: 1 }, 'the file and line a skipped function printed last still count');
  return undefined;
});

test('text that is not laid out as clang prints it is parsed whole', (t) => {
  const wide = JSON.stringify(DUMP, null, 4);
  const read = readProbeAst({ exitCode: 0, stdout: wide, stderr: '' });
  t.is(read?.inner?.length, DUMP.inner.length, 'every declaration, functions included');
  t.is(topLevelElements(Buffer.from(wide)), undefined);
});

test('skipped text moves the last file and line, not an includedFrom file', (t) => {
  const filler = new LocationFiller();
  skipLocations(filler, Buffer.from(JSON.stringify({ a: loc(1, { file: '/a.h', line: 4, includedFrom: { file: '/b.h' } }), b: loc(2, { line: 9 }) }, null, 2)));
  t.is(filler.file, '/a.h');
  t.is(filler.line, 9);
});

test('the first ConstantExpr with a value, in print order, as constantValue finds it', (t) => {
  const node = { kind: 'EnumConstantDecl', inner: [{ kind: 'ConstantExpr', inner: [{ kind: 'ConstantExpr', value: '12', inner: [{ kind: 'IntegerLiteral', value: '3' }] }] }, { kind: 'ConstantExpr', value: '99' }] };
  const text = JSON.stringify(node, null, 2);
  t.is(firstConstantValue(Buffer.from(text)), '12');
  t.is(constantValue(node as AstNode), 12n);
  t.is(firstConstantValue(Buffer.from(JSON.stringify({ kind: 'X', inner: [{ kind: 'IntegerLiteral', value: '3' }] }, null, 2))), undefined);
});

test('a dump given as bytes with the probe under its real name reads as the renamed text does', (t) => {
  const mainFile = '/tmp/uapi-clang-batch-x/probe-0003.c';
  const text = JSON.stringify(DUMP, null, 2);
  const raw = text.split(PROBE_FILE).join(mainFile);
  const fromText = readProbeAst({ exitCode: 0, stdout: text, stderr: '' });
  const fromBytes = readProbeAst({ exitCode: 0, stdout: text, stderr: '', bytes: { data: Buffer.from(raw), mainFile } });
  t.truthy(fromBytes);
  t.deepEqual(fromBytes, fromText);
});
