import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { defineSpec, struct, u32 } from '../../../core/model/dsl';
import type { Finding } from '../finding';
import { findingsOf } from '../../../testing/run-lint-rule';

const spec = defineSpec({ name: 's13', version: '1.0.0', types: [struct('s13_arg', { a: u32 })] });
const lint = (text: string): Finding[] => findingsOf('S13', spec, { header: { file: 'x.h', text } });
const where = (f: Finding | undefined): string => (f?.loc !== undefined ? `${f.loc.line}:${f.loc.col}` : '');

const GOOD = `/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * A clean uAPI header. // inside a comment is fine, and so is CONFIG_FOO here.
 */
#ifndef _UAPI_X_H
#define _UAPI_X_H

#include <linux/types.h>

#define X_NAME "http://example//path CONFIG_IN_STRING"

struct x_arg {
	__u32 a;
};

static __inline__ int x_valid(const struct x_arg *arg)
{
	int ok;
	__u32 limit = 4;

	ok = arg->a < limit;
	if (ok) {
		int again = 1;
		ok = again;
	}
	return ok;
}

#endif /* _UAPI_X_H */
`;

test('S13 accepts a clean header', (t) => {
  t.deepEqual(lint(GOOD), []);
});

test('S13 reports each hygiene problem at its line and column', (t) => {
  const bad = `#ifndef X_H
#define X_H
// a C99 comment
/* SPDX-License-Identifier: GPL-2.0 */
#ifdef CONFIG_COMPAT
struct x_arg { __u32 a; };
#endif
static inline int f(int v)
{
	v++;
	int late = v;
	for (int i = 0; i < 2; i++) late++;
	return late;
}
#endif
int after_guard;
`;
  const found = lint(bad);
  t.deepEqual(found.map((f) => `${where(f)} ${f.message.slice(0, 40)}`), [
    '4:4 the license `GPL-2.0` lacks `WITH Linux-',
    '4:4 the SPDX line is line 4; it belongs on t',
    '1:1 no include guard around the whole header',
    '5:8 `CONFIG_COMPAT` is a kernel configuratio',
    '3:1 `//` comments (line 3) are not C90: user',
    '8:8 `inline` (line 8) is not a C90 keyword; ',
    '11:2 declaration after a statement (line 11, ',
  ]);
  t.true(found.every((f) => f.subject === 'header x.h' && f.severity === 'warning' && f.loc?.file === 'x.h'));
  t.regex(found[6]?.message ?? '', /\(line 11, 12\)/);
});

test('S13 reports a missing SPDX line at 1:1', (t) => {
  const found = lint(GOOD.replace(/^[^\n]*\n/, ''));
  t.deepEqual(found.map((f) => `${where(f)} ${f.message.slice(0, 35)}`), ['1:1 no SPDX-License-Identifier line: a ']);
});

test('S13 reads the header named by spec.source, and skips specs that are not headers', (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-lint-s13-'));
  const file = path.join(dir, 'x.h');
  fs.writeFileSync(file, GOOD.replace('#ifndef _UAPI_X_H', '#ifndef _UAPI_X_H\n// late comment'));
  const fromHeader = findingsOf('S13', { ...spec, source: file }, {});
  t.deepEqual(fromHeader.map((f) => `${f.subject} ${where(f)}`), [`header ${file} 6:1`]);
  t.deepEqual(findingsOf('S13', { ...spec, source: path.join(dir, 'spec.ts') }, {}), []);
});
