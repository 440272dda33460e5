import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findClang } from '../clang/find-clang';
import { findAbi, type Abi } from '../../core/layout/abi';
import { layoutEngine } from '../../core/layout/engine';
import type { Member, RecordDecl, Spec, TypeNode } from '../../core/model/model';
import { validateSpec } from '../../core/model/validate';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { importHeader } from './import-header';

// Headers that lean on other headers: clang's own freestanding headers (<stddef.h>), types a
// typedef gives the only name of, and ioctls whose argument type is defined somewhere else.

const x86 = findAbi('x86_64') as Abi;
const i386 = findAbi('i386') as Abi;

function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-other-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function specOf(r: { spec?: Spec; issues: readonly { message: string }[] }): Spec {
  if (r.spec === undefined) throw new Error(`import failed: ${r.issues.map((i) => i.message).join('\n')}`);
  return r.spec;
}

const recordNamed = (s: Spec, name: string): RecordDecl => {
  const r = s.records.find((x) => x.name === name);
  if (r === undefined) throw new Error(`no record ${name}`);
  return r;
};
const typeOf = (r: RecordDecl, name: string): TypeNode => {
  const m = r.members.find((x: Member) => x.name === name);
  if (m === undefined) throw new Error(`no member ${name}`);
  return m.type;
};

test('native clang brings its own freestanding headers (stddef.h), searched before the system folder', async (t) => {
  const found = await findClang();
  if (found.tool?.kind !== 'native') return t.pass('only native clang has them on the host');
  const dir = found.tool.resourceIncludeDir;
  t.truthy(dir, 'clang\'s resource include folder is found');
  t.true(fs.existsSync(path.join(dir ?? '', 'stddef.h')));
  return undefined;
});

test('a header that includes <stddef.h> imports, size_t laid out per ABI', async (t) => {
  const dir = tempDir({
    'sized.h': '#include <stddef.h>\n#include <linux/types.h>\nstruct sized {\n\tsize_t len;\n\tptrdiff_t delta;\n\t__u32 tag;\n};\n',
  });
  const s = specOf(await importHeader(path.join(dir, 'sized.h'), { includeDirs: [] }));
  const sized = recordNamed(s, 'sized');
  t.deepEqual(typeOf(sized, 'len'), { kind: 'scalar', name: 'unsigned long', spelled: 'size_t' });
  t.deepEqual(typeOf(sized, 'delta'), { kind: 'scalar', name: 'long', spelled: 'ptrdiff_t' });
  t.is(layoutEngine(s, x86).record('sized').size, 24);
  t.is(layoutEngine(s, i386).record('sized').size, 12);
});

const OTHER = `#include <linux/types.h>
typedef struct { __u8 b[16]; } guid_like_t, guid_alias_t;
typedef union { __u32 word; __u16 halves[2]; } word_t;
typedef enum { MODE_A, MODE_B = 7 } mode_like_t;
struct tagged { __u64 v; };
typedef struct tagged tagged_t;
`;

const USER = `#include <linux/ioctl.h>
#include "other.h"
struct user {
	guid_like_t id;
	guid_alias_t again;
	word_t w;
	mode_like_t mode;
	tagged_t t;
};
#define USER_IOCTL_ID _IOW('u', 1, guid_like_t)
#define USER_IOCTL_SET _IOW('u', 2, struct user)
`;

test('types without a tag that another header names with a typedef import as the types they are', async (t) => {
  const dir = tempDir({ 'other.h': OTHER, 'user.h': USER });
  const r = await importHeader(path.join(dir, 'user.h'), { includeDirs: [] });
  const s = specOf(r);
  t.deepEqual(r.issues.filter((i) => i.severity === 'error'), []);
  const user = recordNamed(s, 'user');
  const guid = typeOf(user, 'id');
  t.is(guid.kind, 'record');
  t.deepEqual(guid.kind === 'record' ? guid.record.members.map((m) => [m.name, m.type]) : [], [['b', { kind: 'array', element: { kind: 'scalar', name: '__u8' }, length: 16 }]]);
  t.deepEqual(typeOf(user, 'again'), guid, 'a second name of the same typedef is the same type');
  const w = typeOf(user, 'w');
  t.true(w.kind === 'record' && w.record.kind === 'union');
  t.deepEqual(typeOf(user, 'mode'), { kind: 'scalar', name: 'int', spelled: 'mode_like_t' });
  t.deepEqual(typeOf(user, 't'), { kind: 'ref', tag: 'struct', name: 'tagged' }, 'a typedef of a tagged struct still refers to the tag');
  t.truthy(s.records.find((x) => x.name === 'tagged'));
  t.is(layoutEngine(s, x86).record('user').size, 48);
  const id = s.ioctls.find((i) => i.name === 'USER_IOCTL_ID');
  t.like(id, { dir: 'w', type: 0x75, nr: 1 });
  t.is(id?.arg?.kind, 'record');
  t.deepEqual(validateSpec(s), []);
});

test('an ioctl whose argument struct the header never defines is left out with a located warning, the rest imports', async (t) => {
  const text = '#include <linux/ioctl.h>\n#include <linux/types.h>\nstruct known { __u32 a; };\n#define KNOWN_IOCTL _IOR(\'k\', 1, struct known)\n#define ORPHAN_IOCTL _IOW(\'k\', 2, struct never_defined)\n';
  const dir = tempDir({ 'orphan.h': text });
  const file = path.join(dir, 'orphan.h');
  const r = await importHeader(file, { includeDirs: [] });
  const s = specOf(r);
  t.deepEqual(s.ioctls.map((i) => i.name), ['KNOWN_IOCTL']);
  const warning = r.issues.find((i) => i.code === 'IMPORT_IOCTL_INCOMPLETE');
  t.like(warning, { severity: 'warning', path: 'ioctl ORPHAN_IOCTL', loc: { file, line: 5, col: 9 } });
  t.regex(warning?.message ?? '', /struct never_defined/);
  const cli = await runCliCaptured(['layout', file], { cwd: dir });
  t.is(cli.code, 0, cli.err);
  t.true(cli.err.includes(`${file}:5:9: warning IMPORT_IOCTL_INCOMPLETE`), cli.err);
  t.notRegex(cli.err, /\n\s+at /, 'no stack trace');
});
