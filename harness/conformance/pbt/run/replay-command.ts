import type { BackendName } from '../../../core/boundary/process';

/** What identifies one property run for replay. */
export interface ReplayTarget {
  readonly specArg: string;
  readonly property: string;
  readonly abi: string;
  readonly mirror?: string;
  readonly seed: number;
  readonly path?: string;
  readonly replayPath?: string;
  readonly mutations: readonly string[];
  /** The frozen release whose spec was the client (a cross-version run), if not the working spec. */
  readonly release?: string;
  /** The backend it ran on (the emulated default adds nothing) and the node `--device` named. */
  readonly backend?: BackendName;
  readonly device?: string;
}

/** The options that repeat a backend on a reproduce command (`--backend native --device P`); none for the emulated default. */
export function backendArgs(backend: BackendName | undefined, device?: string): string[] {
  return backend === undefined || backend === 'emulated' ? [] : ['--backend', backend, ...(device !== undefined ? ['--device', q(device)] : [])];
}

const q = (s: string): string => (/^[A-Za-z0-9_./:@-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The `npx uapi replay ...` command that re-runs exactly one failing property run. */
export function replayCommand(t: ReplayTarget): string {
  return [
    'npx uapi replay', q(t.specArg), ...(t.release !== undefined ? ['--release', t.release] : []), '--property', q(t.property), '--abi', t.abi,
    ...(t.mirror !== undefined ? ['--mirror', t.mirror] : []),
    '--seed', String(t.seed),
    ...(t.path !== undefined ? ['--path', q(t.path)] : []),
    ...(t.replayPath !== undefined ? ['--replay-path', q(t.replayPath)] : []),
    ...t.mutations.flatMap((m) => ['--mutation', m]),
    ...backendArgs(t.backend, t.device),
  ].join(' ');
}

/** The command that replays a failure file (its backend is in the file; a `--device` node is not). */
export function replayFileCommand(specArg: string, file: string, device?: string): string {
  return [`npx uapi replay ${q(specArg)} ${q(file)}`, ...(device !== undefined ? ['--device', q(device)] : [])].join(' ');
}
