import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import type { Page } from 'playwright-core';
import { writeCheckOutputs } from '../out';
import { runCliCaptured } from '../../testing/run-cli-captured';
import { demoCheck } from '../../testing/check-result-data';
import { launchChromium, type HeadlessChromium } from '../../testing/headless-chromium';
import { compareWithGolden } from '../../testing/png-golden';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const GOLDEN = path.join(repoRoot, 'harness', 'gate', 'html', '__goldens__', 'changed-demo_args-x86_64.png');
const REFRESH = 'npx tsc -p . && UPDATE_GOLDENS=1 npx ava dist/harness/gate/html/page.browser.test.js';

let browser: HeadlessChromium | undefined;
let bundledPage = '';
let fixturePage = '';

test.before(async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-html-'));
  const run = await runCliCaptured(['check', '--out', path.join(out, 'bundled')], { cwd: repoRoot });
  if (run.code !== 0 && run.code !== 1) throw new Error(`uapi check failed to run: ${run.err}`);
  bundledPage = path.join(out, 'bundled', 'index.html');
  const w = writeCheckOutputs(path.join(out, 'fixture'), demoCheck());
  if (w.issues.length > 0) throw new Error(w.issues.map((i) => i.message).join('; '));
  fixturePage = path.join(out, 'fixture', 'index.html');
  browser = await launchChromium();
});

test.after.always(async () => {
  await browser?.close();
});

/** Opens a page, recording console errors, uncaught errors and every request besides the page itself. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  if (browser === undefined) throw new Error('chromium did not start');
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const url = `file://${file}`;
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests };
}

test('the bundled spec\'s report renders in chromium: no console error, no request, at least 3 diagrams', async (t) => {
  const { page, errors, requests } = await open(bundledPage);
  t.deepEqual(errors, []);
  t.deepEqual(requests, [], 'the page loads nothing');
  t.regex(await page.title(), /^uapi check: (pass|fail) — habanalabs /);
  t.true(await page.locator('svg.byte-map').count() >= 3);
  t.true(await page.locator('svg.byte-map:visible').count() >= 3, 'the ioctl argument types are drawn open');
  t.is(await page.locator('script').count(), 0);
  const box = await page.locator('#type-habanalabs-hl_cs_args svg.byte-map').first().boundingBox();
  t.truthy(box);
  t.true((box?.width ?? 0) > 600 && (box?.height ?? 0) > 100, JSON.stringify(box));
  await page.close();
});

test('in the real font every label fits inside its box', async (t) => {
  const { page } = await open(fixturePage);
  await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  // Labels are cut to fit by a character-width estimate; this measures the rendered text instead.
  const overflows = await page.locator('svg.byte-map g.field, svg.byte-map g.hole, svg.byte-map g.tail').evaluateAll((groups) => groups.flatMap((g) => {
    const rect = g.querySelector('rect')?.getBBox();
    if (rect === undefined) return ['a box without rect'];
    return [...g.querySelectorAll('text')].flatMap((text) => {
      const b = text.getBBox();
      return b.x + b.width <= rect.x + rect.width + 0.5 ? [] : [`${text.textContent ?? ''} (${b.x + b.width} > ${rect.x + rect.width})`];
    });
  }));
  t.deepEqual(overflows, []);
  t.true(await page.locator('svg.byte-map text').count() > 50, 'labels were measured');
  await page.close();
});

test('the old-against-new diagram of a changed struct looks as its golden screenshot', async (t) => {
  const { page, errors } = await open(fixturePage);
  t.deepEqual(errors, []);
  const pair = page.locator('#changed-demo_args .pair').first();
  t.regex(await pair.innerText(), /^x86_64/);
  const shot = await pair.screenshot({ animations: 'disabled' });
  const verdict = await compareWithGolden(shot, GOLDEN, { refresh: REFRESH });
  if (verdict.ok) t.log(verdict.note);
  else t.fail(verdict.message);
  t.true(verdict.ok);
  await page.close();
});

test('the page reads without JavaScript', async (t) => {
  const noScript = await launchChromium({ javaScript: false });
  try {
    const page = await noScript.context.newPage();
    await page.goto(`file://${fixturePage}`);
    t.true(await page.locator('svg.byte-map:visible').count() >= 3);
    t.true(await page.getByText('What failed').isVisible());
  } finally {
    await noScript.close();
  }
});
