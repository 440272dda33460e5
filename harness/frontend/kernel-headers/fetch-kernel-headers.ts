import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from '../clang/content-cache';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { aptUnavailable, lastLines, openAptSession, run } from './apt-session';
import { DEBIAN_MIRROR, KERNEL_SUITES, type KernelSeries } from './debian-suites';

export interface KernelHeaders {
  readonly series: KernelSeries;
  /** The package version, e.g. `6.12.117-1`. */
  readonly version: string;
  /** The extracted `usr/include`, to pass as `-I`. */
  readonly includeDir: string;
}

export interface FetchOptions {
  /** Where extracted packages are kept; default `<cache>/kernel-headers`. */
  readonly cacheDir?: string;
  /** The Debian archive to download from; default Debian's own. */
  readonly mirror?: string;
}

/**
 * Downloads the newest linux-libc-dev of a kernel series's Debian suite (5.10 bullseye, 6.1 bookworm,
 * 6.12 trixie, 7.2 sid; {@link fetchPinnedKernelHeaders} fetches an exact version)
 * with `apt-get download` and extracts it with `dpkg -x` into the cache; later calls find it there.
 * When apt or Debian's archive cannot be reached the result is an issue saying so, not an exception.
 */
export function fetchKernelHeaders(series: KernelSeries, options: FetchOptions = {}): { headers?: KernelHeaders; issues: Issue[] } {
  const suite = KERNEL_SUITES[series];
  const mirror = options.mirror ?? DEBIAN_MIRROR;
  const root = options.cacheDir ?? path.join(cacheRoot(), 'kernel-headers');
  const done = path.join(root, suite);
  const marker = path.join(done, 'version');
  if (fs.existsSync(marker)) {
    return { headers: { series, version: fs.readFileSync(marker, 'utf8').trim(), includeDir: path.join(done, 'usr', 'include') }, issues: [] };
  }
  const fail = (message: string): { issues: Issue[] } => ({ issues: [issue('KERNEL_HEADERS_UNAVAILABLE', `linux-libc-dev (${suite}, Linux ${series})`, message)] });
  const unavailable = aptUnavailable();
  if (unavailable !== undefined) return fail(unavailable);

  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `.${suite}-`));
  try {
    for (const d of ['download', 'tree']) fs.mkdirSync(path.join(work, d), { recursive: true });
    const session = openAptSession(work, mirror, suite, ['amd64']);
    if ('error' in session) return fail(session.error);
    const apt = session.apt;
    const download = run('apt-get', [...apt, '-q', 'download', 'linux-libc-dev'], path.join(work, 'download'));
    const deb = fs.readdirSync(path.join(work, 'download')).find((f) => f.endsWith('.deb'));
    if (!download.ok || deb === undefined) return fail(`apt-get download linux-libc-dev failed: ${lastLines(download.output)}`);
    const extract = run('dpkg', ['-x', path.join(work, 'download', deb), path.join(work, 'tree')]);
    if (!extract.ok) return fail(`dpkg -x ${deb} failed: ${lastLines(extract.output)}`);
    const version = /^linux-libc-dev_([^_]+)_/.exec(deb)?.[1]?.replace(/%3a/gi, ':') ?? 'unknown';
    fs.writeFileSync(path.join(work, 'tree', 'version'), `${version}\n`);
    try {
      fs.renameSync(path.join(work, 'tree'), done);
    } catch {
      // Another process finished the same download first; its copy is as good.
    }
    return { headers: { series, version, includeDir: path.join(done, 'usr', 'include') }, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
