import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEBIAN_KEYRING } from './debian-suites';

export interface ProgramResult {
  readonly ok: boolean;
  readonly output: string;
}

export function run(program: string, args: readonly string[], cwd?: string): ProgramResult {
  const r = spawnSync(program, args, { cwd, encoding: 'utf8', timeout: 10 * 60 * 1000 });
  if (r.error !== undefined) return { ok: false, output: r.error.message };
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export const lastLines = (s: string): string => s.split('\n').slice(-3).join(' | ');

/**
 * apt with a private configuration: its own sources list (one suite of Debian's archive), lists,
 * cache and status, so nothing of the machine's apt setup is read or changed and no root is needed.
 * `architectures` are the Debian architectures whose package lists are read (the first is native).
 */
function aptOptions(work: string, architectures: readonly string[]): string[] {
  const o = (k: string, v: string): string[] => ['-o', `${k}=${v}`];
  return [
    ...o('Dir::Etc::SourceList', path.join(work, 'sources.list')),
    ...o('Dir::Etc::SourceParts', path.join(work, 'sources.list.d')),
    ...o('Dir::State', path.join(work, 'state')),
    ...o('Dir::State::status', path.join(work, 'state', 'status')),
    ...o('Dir::Cache', path.join(work, 'cache')),
    ...o('APT::Architecture', architectures[0] ?? 'amd64'),
    ...o('APT::Architectures', architectures.join(',')),
    ...o('Debug::NoLocking', '1'),
    ...o('Acquire::Languages', 'none'),
  ];
}

/** Why Debian packages cannot be fetched on this machine, or undefined when they can. */
export function aptUnavailable(): string | undefined {
  if (!run('apt-get', ['--version']).ok || !run('dpkg', ['--version']).ok) return 'apt-get and dpkg are needed to fetch Debian packages (a Debian or Ubuntu machine)';
  if (!fs.existsSync(DEBIAN_KEYRING)) return `Debian's archive keyring ${DEBIAN_KEYRING} is missing (apt-get install debian-archive-keyring)`;
  return undefined;
}

/** A private apt setup in `work` whose lists are read: apt's options, or why the archive could not be read. */
export function openAptSession(work: string, mirror: string, suite: string, architectures: readonly string[]): { apt: string[] } | { error: string } {
  for (const d of ['sources.list.d', 'state/lists/partial', 'cache/archives/partial']) fs.mkdirSync(path.join(work, d), { recursive: true });
  fs.writeFileSync(path.join(work, 'state', 'status'), '');
  fs.writeFileSync(path.join(work, 'sources.list'), `deb [signed-by=${DEBIAN_KEYRING}] ${mirror} ${suite} main\n`);
  const apt = aptOptions(work, architectures);
  const update = run('apt-get', [...apt, '-q', 'update']);
  if (!update.ok || /^(Err|W: Failed)/m.test(update.output)) return { error: `cannot reach Debian's package archive (${mirror}, ${suite}): ${lastLines(update.output)}` };
  return { apt };
}

/**
 * The architectures the suite's signed Release file lists (`Architectures:`), as the archive serves
 * it: a partial mirror may carry fewer than Debian has. Undefined when apt kept no Release file.
 */
export function releaseArchitectures(work: string): string[] | undefined {
  const lists = path.join(work, 'state', 'lists');
  const release = fs.readdirSync(lists).find((f) => f.endsWith('_InRelease') || f.endsWith('_Release'));
  if (release === undefined) return undefined;
  const m = /^Architectures:(.*)$/m.exec(fs.readFileSync(path.join(lists, release), 'utf8'));
  return m === null ? undefined : (m[1] as string).trim().split(/\s+/);
}
