import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium; another build can be named with UAPI_CHROMIUM. */
export const CHROMIUM_PATH = process.env['UAPI_CHROMIUM'] ?? '/usr/bin/chromium';

export const CHROMIUM_INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core';

// Headless, no sandbox (CI runs as root), and nothing that reaches the network on its own: no QUIC,
// no background fetches, no component or sync updates, no first-run pages. A fixed colour profile
// and unhinted fonts keep screenshots the same from one run to the next.
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--force-color-profile=srgb', '--font-render-hinting=none', '--hide-scrollbars',
];

export interface HeadlessChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts the system chromium through playwright-core with a fresh profile folder, removed on close.
 * A missing browser is an error that says how to install it: the browser test must fail, not skip.
 */
export async function launchChromium(o: { readonly javaScript?: boolean } = {}): Promise<HeadlessChromium> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`chromium not found at ${CHROMIUM_PATH}: the HTML report's browser test needs it; install it with \`${CHROMIUM_INSTALL}\` (Debian), or set UAPI_CHROMIUM to a Chromium binary`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    javaScriptEnabled: o.javaScript ?? true,
    offline: true,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
