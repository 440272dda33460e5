import type { Command } from '../command';

// Commands are loaded when they run, not when the binary starts: together they pull in most of the
// harness (the property suite, the emulator, fast-check, the report writers), which costs Node
// several times its own start-up, while one command needs a fraction of it. Each entry names its
// module; `require` stays inside the loader so that nothing is read before it is called.

/** One command of the `uapi` binary, before it is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** Loads the command's module (once; Node caches it) and returns the command. */
  readonly load: () => Command;
}

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMAND_TABLE: readonly CommandEntry[] = [
  { name: 'layout', load: () => (require('./layout') as typeof import('./layout')).layoutCommand },
  { name: 'import', load: () => (require('./import') as typeof import('./import')).importCommand },
  { name: 'verify-layout', load: () => (require('./verify-layout') as typeof import('./verify-layout')).verifyLayoutCommand },
  { name: 'snapshot', load: () => (require('./snapshot') as typeof import('./snapshot')).snapshotCommand },
  { name: 'diff', load: () => (require('./diff') as typeof import('./diff')).diffCommand },
  { name: 'lint', load: () => (require('./lint') as typeof import('./lint')).lintCommand },
  { name: 'check', load: () => (require('./check') as typeof import('./check')).checkCommand },
  { name: 'check-tree', load: () => (require('./check-tree') as typeof import('./check-tree')).checkTreeCommand },
  { name: 'fuzz', load: () => (require('./fuzz') as typeof import('./fuzz')).fuzzCommand },
  { name: 'replay', load: () => (require('./replay') as typeof import('./replay')).replayCommand },
  { name: 'trace', load: () => (require('./trace') as typeof import('./trace')).traceCommand },
  { name: 'mutate', load: () => (require('./mutate') as typeof import('./mutate')).mutateCommand },
  { name: 'release', load: () => (require('./release') as typeof import('./release')).releaseCommand },
  { name: 'init', load: () => (require('./init') as typeof import('./init')).initCommand },
];

/** Every command, loaded (for `uapi --help`, which lists their summaries, and for tests). */
export function loadAllCommands(): Command[] {
  return COMMAND_TABLE.map((e) => e.load());
}
