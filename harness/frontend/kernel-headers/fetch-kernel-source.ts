import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from '../clang/content-cache';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { aptUnavailable, lastLines, openAptSession, run } from './apt-session';
import { DEBIAN_MIRROR, KERNEL_SUITES, PINNED_VERSIONS, type KernelSeries } from './debian-suites';

/** An exact Debian kernel's C sources, unpacked: the evidence of which ioctls that kernel handled. */
export interface KernelSource {
  readonly series: KernelSeries;
  readonly version: string;
  /** The tree's top (`Makefile`'s folder): `.c` and `.h` files only, without Documentation/ and tools/. */
  readonly dir: string;
  readonly package: string;
}

const DONE = '.complete';

/**
 * Downloads `linux-source-<series>` of the pinned version (the same Debian source package as the
 * corpus's linux-libc-dev) into `<cache>/kernel-source/<suite>-<version>`, keeping only what a
 * search for ioctl handlers reads: the `.c` and `.h` files outside Documentation/ and tools/ (some
 * 1.2 GB of 140 MB compressed). apt checks the .deb against the suite's signed index. A version the
 * archive no longer has, or an archive that cannot be reached, is an issue that says so.
 */
export function fetchKernelSource(series: KernelSeries, options: { cacheDir?: string; mirror?: string } = {}): { source?: KernelSource; issues: Issue[] } {
  const suite = KERNEL_SUITES[series];
  const version = PINNED_VERSIONS[series];
  const pkg = `linux-source-${series}`;
  const root = options.cacheDir ?? path.join(cacheRoot(), 'kernel-source');
  const done = path.join(root, `${suite}-${version}`);
  const source = { series, version, dir: done, package: `${pkg}=${version}` };
  if (fs.existsSync(path.join(done, DONE))) return { source, issues: [] };
  const fail = (message: string): { issues: Issue[] } => ({ issues: [issue('KERNEL_SOURCE_UNAVAILABLE', `${pkg} ${version} (${suite})`, message)] });
  const unavailable = aptUnavailable();
  if (unavailable !== undefined) return fail(unavailable);
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `.${suite}-${version}-`));
  try {
    const mirror = options.mirror ?? DEBIAN_MIRROR;
    const session = openAptSession(work, mirror, suite, ['amd64']);
    if ('error' in session) return fail(session.error);
    const download = path.join(work, 'download');
    fs.mkdirSync(download);
    const r = run('apt-get', [...session.apt, '-q', 'download', `${pkg}=${version}`], download);
    const deb = fs.readdirSync(download).find((f) => f.endsWith('.deb'));
    if (!r.ok || deb === undefined) return fail(`apt-get download ${pkg}=${version} failed (${mirror}, ${suite}; snapshot.debian.org keeps every version): ${lastLines(r.output)}`);
    const unpacked = path.join(work, 'unpacked');
    const x = run('dpkg', ['-x', path.join(download, deb), unpacked]);
    if (!x.ok) return fail(`dpkg -x ${deb} failed: ${lastLines(x.output)}`);
    fs.rmSync(path.join(download, deb));
    const tarball = fs.readdirSync(path.join(unpacked, 'usr', 'src')).find((f) => f.startsWith(pkg) && f.endsWith('.tar.xz'));
    if (tarball === undefined) return fail(`${deb} holds no usr/src/${pkg}.tar.xz`);
    const tree = path.join(work, 'tree');
    fs.mkdirSync(tree);
    const t = run('tar', ['-xJf', path.join(unpacked, 'usr', 'src', tarball), '-C', tree, '--strip-components=1', '--wildcards', '*.c', '*.h', '--exclude=*/Documentation/*', '--exclude=*/tools/*']);
    if (!t.ok) return fail(`unpacking ${tarball} failed: ${lastLines(t.output)}`);
    fs.writeFileSync(path.join(tree, DONE), `${pkg}=${version} from ${mirror} ${suite}: .c and .h files outside Documentation/ and tools/\n`);
    try {
      fs.renameSync(tree, done);
    } catch {
      // Another process finished the same download first; its copy is as good.
    }
    return { source, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
