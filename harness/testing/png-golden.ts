import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';

/** Pixels that may differ (after pixelmatch's anti-aliasing detection) before a screenshot fails. */
export const MAX_DIFF_PIXELS = 100;

export type GoldenVerdict =
  | { readonly ok: true; readonly note: string }
  | { readonly ok: false; readonly message: string };

/**
 * Compares a PNG with its committed golden. The golden is written only when UPDATE_GOLDENS=1 and CI
 * is not set; on a mismatch the actual image and a diff image are kept in a temporary folder whose
 * path the message gives, so a person can look before refreshing.
 */
export async function compareWithGolden(actual: Buffer, goldenFile: string, o: { readonly refresh: string; readonly env?: NodeJS.ProcessEnv }): Promise<GoldenVerdict> {
  const { refresh } = o;
  const env = o.env ?? process.env;
  const update = env['UPDATE_GOLDENS'] === '1' && env['CI'] === undefined;
  if (update) {
    fs.mkdirSync(path.dirname(goldenFile), { recursive: true });
    fs.writeFileSync(goldenFile, actual);
    return { ok: true, note: `golden written: ${goldenFile}` };
  }
  if (!fs.existsSync(goldenFile)) return { ok: false, message: `no golden ${goldenFile}; create it with \`${refresh}\`, look at it and commit it` };
  const { default: pixelmatch } = await import('pixelmatch');
  const want = PNG.sync.read(fs.readFileSync(goldenFile));
  const got = PNG.sync.read(actual);
  const keep = (diff?: PNG): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-golden-'));
    fs.writeFileSync(path.join(dir, 'actual.png'), actual);
    if (diff !== undefined) fs.writeFileSync(path.join(dir, 'diff.png'), PNG.sync.write(diff));
    return dir;
  };
  if (want.width !== got.width || want.height !== got.height) {
    return { ok: false, message: `screenshot is ${got.width}x${got.height}, golden ${goldenFile} is ${want.width}x${want.height}; actual image in ${keep()}; if the change is intended: \`${refresh}\`` };
  }
  const diff = new PNG({ width: want.width, height: want.height });
  const mismatched = pixelmatch(want.data, got.data, diff.data, want.width, want.height, { threshold: 0.1 });
  if (mismatched > MAX_DIFF_PIXELS) {
    return { ok: false, message: `${mismatched} pixels differ from ${goldenFile} (at most ${MAX_DIFF_PIXELS} may); actual and diff images in ${keep(diff)}; if the change is intended: \`${refresh}\`` };
  }
  return { ok: true, note: `${mismatched} pixels differ (at most ${MAX_DIFF_PIXELS} may)` };
}
