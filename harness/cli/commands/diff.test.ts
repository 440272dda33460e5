import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { runCliCaptured } from '../../testing/run-cli-captured';

const header = (extra: string): string =>
  `#ifndef X_H\n#define X_H\n#include <linux/ioctl.h>\n#define X_KEPT _IOW('X', 1, int)\n${extra}#endif\n`;

test('uapi diff --old-tree: a removed ioctl the old sources never name is IOCTL_REMOVED_UNSERVED; a folder that is not there is a usage error', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-old-tree-'));
  fs.writeFileSync(path.join(dir, 'old.h'), header("#define X_DEAD _IOW('X', 2, int)\n"));
  fs.writeFileSync(path.join(dir, 'new.h'), header(''));
  fs.mkdirSync(path.join(dir, 'linux', 'drivers', 'x'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'linux', 'drivers', 'x', 'x.c'), 'switch (cmd) {\ncase X_KEPT:\n\treturn 0;\n}\n');
  const run = (...extra: string[]) => runCliCaptured(['diff', 'old.h', 'new.h', '--abi', 'x86_64', '--format', 'json', ...extra], { cwd: dir });
  const without = await run();
  t.is(without.code, 1, without.err);
  const served = await run('--old-tree', 'linux');
  t.is(served.code, 0, served.err);
  const json = JSON.parse(served.out) as { verdict: string; changes: { rule: string; level: string; subject: string }[] };
  t.like(json, { verdict: 'compatible' });
  t.like(json.changes.find((c) => c.subject === 'ioctl X_DEAD'), { rule: 'IOCTL_REMOVED_UNSERVED', level: 'compatible' });
  const missing = await run('--old-tree', 'nowhere');
  t.is(missing.code, 2);
  t.regex(missing.err, /error USAGE_OLD_TREE: --old-tree: nowhere is not a folder/);
});
