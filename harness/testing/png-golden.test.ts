import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { PNG } from 'pngjs';
import { compareWithGolden, MAX_DIFF_PIXELS } from './png-golden';

/** A white square with `dots` black pixels along its first rows. */
function png(size: number, dots: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(255);
  for (let i = 0; i < dots; i++) image.data.fill(0, i * 4, i * 4 + 3);
  return PNG.sync.write(image);
}

const golden = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-png-')), '__goldens__', 'x.png');
const refresh = 'UPDATE_GOLDENS=1 npx ava x';

test('a missing golden fails and says how to create it; UPDATE_GOLDENS=1 writes it, but never when CI is set', async (t) => {
  const file = golden();
  const missing = await compareWithGolden(png(40, 0), file, { refresh, env: {} });
  t.false(missing.ok);
  t.regex(missing.ok ? '' : missing.message, /no golden .*x\.png; create it with `UPDATE_GOLDENS=1 npx ava x`/);
  t.false((await compareWithGolden(png(40, 0), file, { refresh, env: { UPDATE_GOLDENS: '1', CI: 'true' } })).ok);
  t.false(fs.existsSync(file));
  t.true((await compareWithGolden(png(40, 0), file, { refresh, env: { UPDATE_GOLDENS: '1' } })).ok);
  t.deepEqual(fs.readFileSync(file), png(40, 0));
});

test('a few differing pixels pass, more than the tolerance fail and leave the images to look at', async (t) => {
  const file = golden();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png(40, 0));
  t.true((await compareWithGolden(png(40, 0), file, { refresh, env: {} })).ok);
  t.true((await compareWithGolden(png(40, 20), file, { refresh, env: {} })).ok);
  const bad = await compareWithGolden(png(40, MAX_DIFF_PIXELS * 3), file, { refresh, env: { CI: 'true', UPDATE_GOLDENS: '1' } });
  t.false(bad.ok);
  const message = bad.ok ? '' : bad.message;
  t.regex(message, /^\d+ pixels differ from .*x\.png \(at most 100 may\); actual and diff images in (\S+);/);
  const kept = /images in (\S+);/.exec(message)?.[1] ?? '';
  t.deepEqual(fs.readdirSync(kept).sort(), ['actual.png', 'diff.png']);
  t.deepEqual(fs.readFileSync(file), png(40, 0), 'the golden is left alone');
});

test('a screenshot of another size fails', async (t) => {
  const file = golden();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, png(40, 0));
  const r = await compareWithGolden(png(41, 0), file, { refresh, env: {} });
  t.false(r.ok);
  t.regex(r.ok ? '' : r.message, /screenshot is 41x41, golden .* is 40x40/);
});
