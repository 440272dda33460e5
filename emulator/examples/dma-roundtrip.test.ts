import test from 'ava';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

test('the dma-roundtrip example runs and reads back what it sent', (t) => {
  const script = path.join(__dirname, 'dma-roundtrip.js');
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
  t.is(r.status, 0, r.stderr);
  t.regex(r.stdout, /^device hl-emu \(id 0x1020\)/m);
  t.regex(r.stdout, /submission 1: status 0 \(0 = completed\)/);
  t.regex(r.stdout, /read back 65536 bytes: identical to what was sent/);
});
