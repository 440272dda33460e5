import test from 'ava';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importHeader } from './import-header';
import { watchProgress } from '../../core/util/work-progress';

test('importHeader reports its header and steps, and its end, to the installed listener', async (t) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-progress-')), 'progress_demo.h');
  fs.writeFileSync(file, '#include <linux/types.h>\nstruct progress_demo { __u32 a; __u32 b; };\n');
  const events: string[] = [];
  const stop = watchProgress({ step: (h, s) => events.push(`${h}: ${s}`), end: (h) => events.push(`${h}: end`), alive: () => undefined });
  try {
    const r = await importHeader(file, { includeDirs: [], displayName: 'demo/progress_demo.h' });
    t.truthy(r.spec, r.issues.map((i) => i.message).join('\n'));
  } finally {
    stop();
  }
  t.deepEqual(events.slice(0, 2), ['demo/progress_demo.h: starting clang', 'demo/progress_demo.h: reading the header and what it includes']);
  t.regex(events.slice(2, -1).join('\n'), /^demo\/progress_demo\.h: clang x86_64 \((native|wasm)\)/m);
  t.is(events.at(-1), 'demo/progress_demo.h: end');
});
