import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import { ownNodeModules } from '../frontend/clang/content-cache';

// The README's installation, end to end: `npm pack` in this checkout, `npm install --save-dev
// ./uapi-harness-X.Y.Z.tgz` in an empty project that has only its own specs/, then `npx uapi` there.
//
// Offline: the project is given a package-lock.json holding this checkout's locked runtime
// dependencies (the same versions and integrity hashes). npm then needs no registry metadata and takes
// every tarball from its own cache by integrity, which installing this checkout (`npm ci`) filled, so
// `npm install --offline` makes no network request. Packing uses --ignore-scripts: `npm test` has just
// compiled dist/, and `prepare` would only compile it again.

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** The environment of a user's shell: none of the npm_* variables of the `npm test` running us. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_|^INIT_CWD$/i.test(k)) env[k] = v;
  delete env['CI']; // `uapi snapshot --update` refuses to write under CI, as it should
  return env;
}

function run(cmd: string, args: readonly string[], cwd: string): { code: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: userEnv(), timeout: 180_000 });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error !== undefined ? String(r.error) : ''}` };
}

/** A lockfile for an empty project that lists this checkout's runtime dependencies, as installed. */
function dependencyLock(name: string): unknown {
  const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const packages: Record<string, unknown> = { '': { name, version: '1.0.0' } };
  for (const [where, entry] of Object.entries(lock.packages)) if (where !== '' && entry.dev !== true) packages[where] = { ...entry, dev: true, extraneous: true };
  return { name, version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

const TINY_SPEC = `import { defineSpec, struct, ioctl, u32, u64 } from 'uapi-harness';

const tiny_args = struct('tiny_args', { ptr: u64.userPointer({ lengthField: 'size', dir: 'out' }), size: u32.in(), pad: u32.pad() });

export const spec = defineSpec({
  name: 'tiny', version: '1.0.0',
  ioctls: [ioctl('TINY_IOCTL_QUERY', { dir: 'rw', type: 't', nr: 0x01, arg: tiny_args })],
});
`;

function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .map((d) => `${path.relative(dir, path.join(d.parentPath, d.name))}${d.isDirectory() ? '/' : ''}`)
    .sort();
}

test('npm pack yields a tarball that installs offline into an empty project and runs `npx uapi` there, writing nothing into itself', (t) => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-install-'));
  t.teardown(() => fs.rmSync(work, { recursive: true, force: true }));

  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], repoRoot);
  t.is(packed.code, 0, packed.out);
  const tarball = `${pkg.name}-${pkg.version}.tgz`;
  t.true(fs.existsSync(path.join(work, tarball)), packed.out);

  const project = path.join(work, 'vendor-project');
  fs.mkdirSync(path.join(project, 'specs', 'tiny'), { recursive: true });
  fs.writeFileSync(path.join(project, 'specs', 'tiny', 'spec.ts'), TINY_SPEC);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'vendor-project', version: '1.0.0', private: true }, null, 2));
  fs.writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify(dependencyLock('vendor-project'), null, 2));

  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', `../${tarball}`], project);
  t.is(installed.code, 0, `${installed.out}\n(npm takes the dependencies from its cache: run \`npm ci\` in the checkout first)`);
  const harness = path.join(project, 'node_modules', pkg.name);
  const shipped = listing(harness);
  t.true(shipped.includes('dist/harness/cli/main.js'), 'the compiled CLI is in the tarball');
  t.true(shipped.includes('dist/emulator/kernel/entry.js'), 'the emulator the property suite drives is in the tarball');
  t.deepEqual(shipped.filter((f) => /\.test\.|\.ts$|\.map$/.test(f) && !f.endsWith('.d.ts')), [], 'no tests, sources or source maps are shipped');
  t.false(shipped.includes('tsconfig.json'), 'no build configuration: prepare has nothing to build in an installed tarball');

  const uapi = (...args: string[]) => run('npx', ['--no-install', 'uapi', ...args], project);
  const update = uapi('snapshot', '--update');
  t.is(update.code, 0, update.out);
  const check = uapi('check');
  t.is(check.code, 0, check.out);
  t.regex(check.out, /uapi check: pass/);
  t.true(fs.existsSync(path.join(project, 'snapshots', 'tiny', '1.0.0', 'x86_64.txt')), 'goldens are written into the project');
  t.deepEqual(listing(harness), shipped, 'running uapi wrote nothing into the installed package');
});

test('a cache beside an installed harness goes in the project\'s node_modules, never inside the package', (t) => {
  t.is(ownNodeModules(path.join('/p', 'node_modules', 'uapi-harness')), path.join('/p', 'node_modules'));
  t.is(ownNodeModules(path.join('/src', 'uapi-harness')), path.join('/src', 'uapi-harness', 'node_modules'));
});
