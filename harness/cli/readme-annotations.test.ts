import * as fs from 'node:fs';
import * as path from 'node:path';
import test from 'ava';
import { CHANGE_RULES } from '../contract/diff/rules';
import { CONVENTIONAL_ERRNO } from '../conformance/pbt/spec-facts/errno-conventions';
import {
  ANNOTATIONS_FILE_KEYS, FIELD_ANNOTATION_KEYS, FIELD_ROLES, GROUP_ANNOTATION_KEYS, IOCTL_ANNOTATION_KEYS, LINT_WAIVER_KEYS, USER_POINTER_KEYS,
} from '../core/model/annotation-keys';
import { FAILURE_CLASSES } from '../core/model/model';

const readme = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The README's annotation reference: from its heading to the next `## ` heading. */
function reference(): string {
  const start = readme.indexOf('\n## Annotation reference\n');
  if (start < 0) return '';
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

/**
 * The rows of the table whose header's first cell is `first`, after `after` (a heading or a sentence
 * of the reference): each row's cells, the first without its backticks.
 */
function table(after: string, first: string): string[][] {
  const ref = reference();
  const at = ref.indexOf(after);
  if (at < 0) return [];
  const lines = ref.slice(at).split('\n');
  const head = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  if (head < 0) return [];
  const rows: string[][] = [];
  for (const l of lines.slice(head + 2)) {
    if (!l.startsWith('|')) break;
    const cells = l.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim());
    rows.push([(cells[0] ?? '').replace(/^`|`$/g, ''), ...cells.slice(1)]);
  }
  return rows;
}

// Each table of the reference, and the list in the code it documents (the one the shape check uses).
const TABLES: readonly { what: string; after: string; first: string; keys: readonly string[] }[] = [
  { what: 'field annotation keys', after: '### Field annotations', first: 'key', keys: FIELD_ANNOTATION_KEYS },
  { what: 'roles', after: '### Roles', first: 'role', keys: FIELD_ROLES },
  { what: 'userPointer keys', after: '### User pointers', first: 'key', keys: USER_POINTER_KEYS },
  { what: 'ioctl annotation keys', after: '### Ioctl annotations', first: 'key', keys: IOCTL_ANNOTATION_KEYS },
  { what: 'annotations.ts keys', after: '### `annotations.ts` of an imported header', first: 'key', keys: ANNOTATIONS_FILE_KEYS },
  { what: 'group keys', after: 'Keys of a `groups` entry', first: 'key', keys: GROUP_ANNOTATION_KEYS },
  { what: 'lint waiver keys', after: 'Keys of a lint waiver', first: 'key', keys: LINT_WAIVER_KEYS },
  { what: 'failure classes', after: '### Failure classes', first: 'class', keys: FAILURE_CLASSES },
];

for (const { what, after, first, keys } of TABLES) {
  test(`the annotation reference documents exactly the ${what} the code has, each with its meaning, effect and an example`, (t) => {
    const rows = table(after, first);
    t.true(rows.length > 0, `README: no table under "${after}" in "## Annotation reference"`);
    const documented = rows.map((r) => r[0] as string);
    t.deepEqual(keys.filter((k) => !documented.includes(k)), [], `${what} the code has and the README does not document`);
    t.deepEqual(documented.filter((k) => !keys.includes(k)), [], `${what} the README documents and the code does not have`);
    for (const r of rows) {
      t.is(r.length, 4, `${r[0] ?? ''}: a row has four cells`);
      for (const cell of r.slice(1)) t.not(cell, '', `${r[0] ?? ''}: an empty cell`);
      t.regex(r[3] ?? '', /`[^`]+`/, `${r[0] ?? ''}: the example is code`);
    }
  });
}

test('the failure classes table gives the errno the property suite assumes when a spec declares none', (t) => {
  const rows = table('### Failure classes', 'class');
  for (const c of FAILURE_CLASSES) t.is(rows.find((r) => r[0] === c)?.[1], CONVENTIONAL_ERRNO[c], c);
});

test('every change rule the annotation reference names exists', (t) => {
  const ids = new Set(Object.values(CHANGE_RULES).map((r) => r.id));
  const named = [...reference().matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1] as string);
  t.true(named.length > 0);
  t.deepEqual([...new Set(named.filter((n) => !ids.has(n) && !/^(DRM|HL|IVPU)_/.test(n)))], []);
});
