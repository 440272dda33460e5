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
  ].join(' ');
}

/** The command that replays a failure file. */
export function replayFileCommand(specArg: string, file: string): string {
  return `npx uapi replay ${q(specArg)} ${q(file)}`;
}
