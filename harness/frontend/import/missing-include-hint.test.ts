import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { missingIncludeHint } from './missing-include-hint';

test('a bare-name include found one folder down is named with the -I that makes it visible', (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-hint-'));
  fs.mkdirSync(path.join(root, 'drm'));
  fs.writeFileSync(path.join(root, 'drm', 'drm.h'), '');
  const hint = missingIncludeHint("'drm.h' file not found", [path.join(root, 'missing'), root]);
  t.is(hint?.startsWith(`${path.join(root, 'drm', 'drm.h')} exists: add -I ${path.join(root, 'drm')} `), true, hint);
  t.is(missingIncludeHint("'nowhere.h' file not found", [root]), undefined);
  t.is(missingIncludeHint('unknown type name', [root]), undefined);
});
