import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import test from 'ava';
import type { FaultPoint } from '../../contract/release/fault-point';
import { runCliCaptured } from '../run-cli-captured';
import { buildBases, CORPUS_DIR, treeState } from './corpus';

// Concurrent and killed writers of the release store, as real processes: N at once, and one killed
// with SIGKILL at each crash point (harness/contract/release/fault-point.ts). Counts, never clocks.
const BIN = path.resolve(CORPUS_DIR, '..', '..', '..', 'bin', 'uapi.js');

let bases: Awaited<ReturnType<typeof buildBases>> | undefined;
test.before(async () => { bases = await buildBases(); });
test.after.always(() => {
  for (const b of Object.values(bases ?? {})) fs.rmSync(b, { recursive: true, force: true });
});

function copyOfDemo(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-store-proc-'));
  fs.cpSync((bases as NonNullable<typeof bases>).demo, root, { recursive: true });
  return root;
}

interface Exit { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly err: string; readonly out: string }

function uapi(cwd: string, argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...argv], { cwd, env: { ...process.env, CI: 'false', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

const dotEntries = (root: string): string[] => fs.readdirSync(path.join(root, 'snapshots', 'demo')).filter((n) => n.startsWith('.'));

test('four releases of one version at once: exactly one releases it, the others are refused (exit 2), the release is whole', async (t) => {
  const root = copyOfDemo();
  try {
    const runs = await Promise.all([0, 1, 2, 3].map(() => uapi(root, ['release'])));
    const ok = runs.filter((r) => r.code === 0);
    t.is(ok.length, 1, runs.map((r) => r.err).join('\n'));
    t.regex(ok[0]?.out ?? '', /released demo 1\.1\.0/);
    for (const r of runs.filter((x) => x.code !== 0)) {
      t.is(r.code, 2, r.err);
      t.regex(r.err, /snapshots\/demo\/(\.release\.lock|1\.1\.0):1:1: error (RELEASE_LOCKED|RELEASE_EXISTS): /);
    }
    t.deepEqual(dotEntries(root), []);
    const check = await runCliCaptured(['snapshot'], { cwd: root });
    t.is(check.code, 0, check.err);
    t.true(fs.existsSync(path.join(root, 'snapshots', 'demo', '1.1.0', 'SHA256SUMS')));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('four releases racing to clear the stale lock of a killed one: exactly one releases', async (t) => {
  const root = copyOfDemo();
  try {
    const killed = await uapi(root, ['release'], { UAPI_STORE_FAULT: 'locked' });
    t.is(killed.signal, 'SIGKILL');
    t.true(fs.existsSync(path.join(root, 'snapshots', 'demo', '.release.lock')), 'the killed writer left its lock');
    const runs = await Promise.all([0, 1, 2, 3].map(() => uapi(root, ['release'])));
    t.is(runs.filter((r) => r.code === 0).length, 1, runs.map((r) => r.err).join('\n'));
    t.is(runs.filter((r) => r.code === 2).length, 3);
    t.is(runs.filter((r) => /warning RELEASE_STALE_LOCK: .*cleared the lock of process \d+/.test(r.err)).length, 1, 'the stale lock is cleared once, and said so');
    t.deepEqual(dotEntries(root), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

const POINTS: readonly { point: FaultPoint; cleaned: RegExp[] }[] = [
  { point: 'locked', cleaned: [/warning RELEASE_STALE_LOCK/] },
  { point: 'staged', cleaned: [/warning RELEASE_STALE_LOCK/, /\.staging-1\.1\.0-\d+:1:1: warning RELEASE_RECOVERED: .*removed the staging folder of an interrupted `uapi release` of 1\.1\.0/] },
  { point: 'sealed', cleaned: [/warning RELEASE_STALE_LOCK/, /\.staging-1\.1\.0-\d+:1:1: warning RELEASE_RECOVERED: .*nothing of it was released/] },
  { point: 'replaced', cleaned: [/warning RELEASE_STALE_LOCK/, /\.staging-1\.1\.0-\d+:1:1: warning RELEASE_RECOVERED/, /snapshots\/demo\/1\.1\.0:1:1: warning RELEASE_RECOVERED: .*put back the working goldens of 1\.1\.0/] },
];

for (const { point, cleaned } of POINTS) {
  test(`a release killed at '${point}' leaves no release; the next command cleans up and says so; the release then succeeds`, async (t) => {
    const root = copyOfDemo();
    try {
      const before = treeState(root);
      const killed = await uapi(root, ['release'], { UAPI_STORE_FAULT: point });
      t.is(killed.signal, 'SIGKILL', killed.err);
      t.false(fs.existsSync(path.join(root, 'snapshots', 'demo', '1.1.0', 'spec.json')), 'no release');
      const next = await runCliCaptured(['snapshot'], { cwd: root });
      t.is(next.code, 0, next.err);
      for (const c of cleaned) t.regex(next.err, c);
      t.deepEqual([...treeState(root)].sort(), [...before].sort(), 'the project is as it was before the killed release');
      const again = await runCliCaptured(['release'], { cwd: root });
      t.is(again.code, 0, again.err);
      t.is(again.err, '', 'nothing left to clean');
      t.deepEqual(dotEntries(root), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
}

test('sealing killed before its manifest is in place: the release stays unsealed, the half-written manifest is removed', async (t) => {
  const root = copyOfDemo();
  try {
    fs.rmSync(path.join(root, 'snapshots', 'demo', '1.0.0', 'SHA256SUMS'));
    const killed = await uapi(root, ['release', '--manifest'], { UAPI_STORE_FAULT: 'manifest-written' });
    t.is(killed.signal, 'SIGKILL', killed.err);
    const next = await runCliCaptured(['snapshot'], { cwd: root });
    t.is(next.code, 2);
    t.regex(next.err, /\.SHA256SUMS\.\d+:1:1: warning RELEASE_RECOVERED: .*removed a manifest that an interrupted `uapi release --manifest` had not finished/);
    t.regex(next.err, /snapshots\/demo\/1\.0\.0\/spec\.json:1:1: error RELEASE_UNSEALED/);
    const sealed = await runCliCaptured(['release', '--manifest'], { cwd: root });
    t.is(sealed.code, 0, sealed.err);
    t.is((await runCliCaptured(['snapshot'], { cwd: root })).code, 0);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
