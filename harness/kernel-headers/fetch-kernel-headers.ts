import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from '../clang/content-cache';
import { issue, type Issue } from '../diagnostics/issue';
import { DEBIAN_KEYRING, DEBIAN_MIRROR, KERNEL_SUITES, type KernelSeries } from './debian-suites';

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

function run(program: string, args: readonly string[], cwd?: string): { ok: boolean; output: string } {
  const r = spawnSync(program, args, { cwd, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (r.error !== undefined) return { ok: false, output: r.error.message };
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/**
 * apt with a private configuration: its own sources list (one suite of Debian's archive), lists,
 * cache and status, so nothing of the machine's apt setup is read or changed and no root is needed.
 */
function aptOptions(work: string): string[] {
  const o = (k: string, v: string): string[] => ['-o', `${k}=${v}`];
  return [
    ...o('Dir::Etc::SourceList', path.join(work, 'sources.list')),
    ...o('Dir::Etc::SourceParts', path.join(work, 'sources.list.d')),
    ...o('Dir::State', path.join(work, 'state')),
    ...o('Dir::State::status', path.join(work, 'state', 'status')),
    ...o('Dir::Cache', path.join(work, 'cache')),
    ...o('APT::Architecture', 'amd64'),
    ...o('Debug::NoLocking', '1'),
    ...o('Acquire::Languages', 'none'),
  ];
}

/**
 * Downloads Debian's linux-libc-dev for a kernel series (5.10 bullseye, 6.1 bookworm, 6.12 trixie)
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
  if (!run('apt-get', ['--version']).ok || !run('dpkg', ['--version']).ok) return fail('apt-get and dpkg are needed to fetch Debian packages (a Debian or Ubuntu machine)');
  if (!fs.existsSync(DEBIAN_KEYRING)) return fail(`Debian's archive keyring ${DEBIAN_KEYRING} is missing (apt-get install debian-archive-keyring)`);

  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `.${suite}-`));
  try {
    for (const d of ['sources.list.d', 'state/lists/partial', 'cache/archives/partial', 'download', 'tree']) fs.mkdirSync(path.join(work, d), { recursive: true });
    fs.writeFileSync(path.join(work, 'state', 'status'), '');
    fs.writeFileSync(path.join(work, 'sources.list'), `deb [signed-by=${DEBIAN_KEYRING}] ${mirror} ${suite} main\n`);
    const apt = aptOptions(work);
    const update = run('apt-get', [...apt, '-q', 'update']);
    if (!update.ok || /^(Err|W: Failed)/m.test(update.output)) return fail(`cannot reach Debian's package archive (${mirror}, ${suite}): ${lastLines(update.output)}`);
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

const lastLines = (s: string): string => s.split('\n').slice(-3).join(' | ');
