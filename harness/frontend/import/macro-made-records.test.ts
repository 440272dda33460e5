import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RecordDecl } from '../../core/model/model';
import { importHeader } from './import-header';

/** Members as `name: shape`, inline records opened, so that a test can compare the structure at a glance. */
function shape(r: RecordDecl): string[] {
  return r.members.map((m) => {
    const t = m.type;
    const what = t.kind === 'record' ? `${t.record.kind} {${shape(t.record).join('; ')}}`
      : t.kind === 'array' && t.element.kind === 'scalar' ? `${t.element.name}[${t.length}]`
      : t.kind === 'scalar' ? t.name : t.kind;
    return `${m.name ?? '(anonymous)'}: ${what}`;
  });
}

/**
 * clang names an unnamed struct by the position it was expanded at. A macro that defines one inside
 * another, as `__DECLARE_FLEX_ARRAY` does, gives both the same position; each field must still get
 * its own struct, in every expansion, also of one macro expanding the other twice on one line.
 */
test('unnamed structs a macro nests at one position are each imported with their own members', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-import-')), 'flex.h');
  fs.writeFileSync(file, `#include <linux/types.h>
#define FLEX(TYPE, NAME) struct { struct { } __empty_ ## NAME; TYPE NAME[]; }
#define TWO_VIEWS(A, B) union { FLEX(__u8, A); FLEX(__u32, B); }
union views { FLEX(__u32, words); FLEX(__le64, big); };
struct twice { __u16 len; TWO_VIEWS(bytes, words); };
`);
  const r = await importHeader(file, { includeDirs: [] });
  t.deepEqual(r.issues.filter((i) => i.severity === 'error'), []);
  const byName = new Map((r.spec?.records ?? []).map((x) => [x.name, x]));
  t.deepEqual(shape(byName.get('views') as RecordDecl), [
    '(anonymous): struct {__empty_words: struct {}; words: __u32[0]}',
    '(anonymous): struct {__empty_big: struct {}; big: __le64[0]}',
  ]);
  t.deepEqual(shape(byName.get('twice') as RecordDecl), [
    'len: __u16',
    '(anonymous): union {(anonymous): struct {__empty_bytes: struct {}; bytes: __u8[0]}; (anonymous): struct {__empty_words: struct {}; words: __u32[0]}}',
  ]);
});
