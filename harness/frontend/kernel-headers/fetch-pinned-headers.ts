import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheRoot } from '../clang/content-cache';
import { issue, type Issue } from '../../core/diagnostics/issue';
import { aptUnavailable, lastLines, openAptSession, releaseArchitectures, run } from './apt-session';
import { DEBIAN_MIRROR, KERNEL_SUITES, MULTIARCH_ALIASES, NO_PACKAGE_ARCHITECTURES, PER_ARCH_PACKAGES, PINNED_VERSIONS, type KernelSeries } from './debian-suites';
import type { FetchOptions, KernelHeaders } from './fetch-kernel-headers';
import { mergeTree } from './merge-tree';

/** One downloaded .deb (apt checked it against the SHA256 of the suite's signed Packages index). */
export interface FetchedPackage {
  readonly architecture: string;
  readonly file: string;
  readonly sha256: string;
}

/** An exact linux-libc-dev, all its architectures merged into one `usr/include` tree. */
export interface PinnedKernelHeaders extends KernelHeaders {
  readonly packages: readonly FetchedPackage[];
  /** What the tree lacks or borrows (an architecture without a package, an aliased multiarch folder). */
  readonly notes: readonly string[];
}

export interface PinnedFetchOptions extends FetchOptions {
  /** Another version than the pinned one (tests: a version the archive does not have). */
  readonly version?: string;
}

const MANIFEST = 'manifest.json';

function sha256Of(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** apt's words when the archive does not have that version (any longer). */
const VERSION_GONE = /Version '[^']+' for '[^']+' was not found|Unable to locate package|Can't select candidate version/;

/**
 * Downloads the exact linux-libc-dev of a series ({@link PINNED_VERSIONS}) into the cache as
 * `<cache>/kernel-headers/<suite>-<version>`: the `all` package where the suite has one, else every
 * architecture's own package ({@link PER_ARCH_PACKAGES}, `apt-get download linux-libc-dev:ARCH=VERSION`)
 * extracted into one multiarch tree (each architecture's `usr/include/<triple>/asm` beside the others;
 * files outside those folders must agree byte for byte). A version the archive no longer has, or an
 * archive that cannot be reached, is an issue that says so.
 */
export function fetchPinnedKernelHeaders(series: KernelSeries, options: PinnedFetchOptions = {}): { headers?: PinnedKernelHeaders; issues: Issue[] } {
  const suite = KERNEL_SUITES[series];
  const version = options.version ?? PINNED_VERSIONS[series];
  const mirror = options.mirror ?? DEBIAN_MIRROR;
  const root = options.cacheDir ?? path.join(cacheRoot(), 'kernel-headers');
  const done = path.join(root, `${suite}-${version}`);
  const manifest = path.join(done, MANIFEST);
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { packages: FetchedPackage[]; notes: string[] };
    return { headers: { series, version, includeDir: path.join(done, 'usr', 'include'), packages: m.packages, notes: m.notes }, issues: [] };
  }
  const fail = (message: string): { issues: Issue[] } => ({ issues: [issue('KERNEL_HEADERS_UNAVAILABLE', `linux-libc-dev ${version} (${suite}, Linux ${series})`, message)] });
  const unavailable = aptUnavailable();
  if (unavailable !== undefined) return fail(unavailable);

  const perArch = PER_ARCH_PACKAGES[series];
  const architectures = perArch ?? ['amd64'];
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, `.${suite}-${version}-`));
  try {
    const session = openAptSession(work, mirror, suite, architectures);
    if ('error' in session) return fail(session.error);
    const tree = path.join(work, 'tree');
    fs.mkdirSync(tree);
    const packages: FetchedPackage[] = [];
    const notes: string[] = [];
    // A partial mirror serves only some of the suite's architectures: those it lacks are recorded.
    const served = releaseArchitectures(work) ?? architectures;
    const missing = architectures.filter((a) => !served.includes(a));
    for (const a of missing) notes.push(`${a}: ${mirror} serves no ${a} packages of ${suite} (its Release file lists ${served.join(' ')}), so this tree has no ${a} asm/`);
    for (const arch of perArch?.filter((a) => served.includes(a)) ?? ['all']) {
      const download = path.join(work, 'download', arch);
      fs.mkdirSync(download, { recursive: true });
      const spec = perArch === undefined ? `linux-libc-dev=${version}` : `linux-libc-dev:${arch}=${version}`;
      const r = run('apt-get', [...session.apt, '-q', 'download', spec], download);
      const deb = fs.readdirSync(download).find((f) => f.endsWith('.deb'));
      if (!r.ok || deb === undefined) {
        if (VERSION_GONE.test(r.output)) return fail(`${spec} is no longer in Debian's ${suite} (${mirror}); the judged corpus needs exactly this version (snapshot.debian.org keeps every version): ${lastLines(r.output)}`);
        return fail(`apt-get download ${spec} failed: ${lastLines(r.output)}`);
      }
      const unpacked = path.join(work, 'unpacked', arch);
      fs.mkdirSync(unpacked, { recursive: true });
      const extract = run('dpkg', ['-x', path.join(download, deb), unpacked]);
      if (!extract.ok) return fail(`dpkg -x ${deb} failed: ${lastLines(extract.output)}`);
      const conflicts = mergeTree(path.join(unpacked, 'usr', 'include'), path.join(tree, 'usr', 'include'));
      if (conflicts.length > 0) return fail(`${deb} disagrees with the packages of other architectures on ${conflicts.length} shared header(s), e.g. ${conflicts.slice(0, 3).join(', ')}`);
      packages.push({ architecture: arch, file: deb, sha256: sha256Of(path.join(download, deb)) });
    }
    const include = path.join(tree, 'usr', 'include');
    for (const [alias, source] of Object.entries(MULTIARCH_ALIASES)) {
      if (fs.existsSync(path.join(include, alias)) || !fs.existsSync(path.join(include, source))) continue;
      fs.cpSync(path.join(include, source), path.join(include, alias), { recursive: true });
      notes.push(`${alias}/ is a copy of ${source}/ (Debian ${suite} has no package of that architecture; both are arch/mips's uAPI)`);
    }
    if (perArch !== undefined) {
      for (const a of NO_PACKAGE_ARCHITECTURES) notes.push(`${a}: Debian ${suite} has no linux-libc-dev:${a}, so this tree has no ${a} asm/`);
      notes.push('an ABI without its asm/ here falls back to uapi\'s generic target shim, which it warns about');
    }
    fs.writeFileSync(path.join(tree, MANIFEST), `${JSON.stringify({ series, suite, version, mirror, packages, notes }, null, 2)}\n`);
    try {
      fs.renameSync(tree, done);
    } catch {
      // Another process finished the same download first; its copy is as good.
    }
    return { headers: { series, version, includeDir: path.join(done, 'usr', 'include'), packages, notes }, issues: [] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
