import type { Command } from '../command';
import { COMMAND_SUMMARIES } from './summaries';

// Commands are loaded when they run, not when the binary starts: together they pull in most of the
// harness (the property suite, the emulator, fast-check, the report writers), which costs Node
// several times its own start-up, while one command needs a fraction of it. Each entry names its
// module; `require` stays inside the loader so that nothing is read before it is called.

/** One command of the `uapi` binary, before it is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** Its line in `uapi --help`, without loading it. */
  readonly summary: string;
  /** Loads the command's module (once; Node caches it) and returns the command. */
  readonly load: () => Command;
}

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMAND_TABLE: readonly CommandEntry[] = [
  { name: 'layout', summary: COMMAND_SUMMARIES['layout'], load: () => (require('./layout') as typeof import('./layout')).layoutCommand },
  { name: 'import', summary: COMMAND_SUMMARIES['import'], load: () => (require('./import') as typeof import('./import')).importCommand },
  { name: 'verify-layout', summary: COMMAND_SUMMARIES['verify-layout'], load: () => (require('./verify-layout') as typeof import('./verify-layout')).verifyLayoutCommand },
  { name: 'snapshot', summary: COMMAND_SUMMARIES['snapshot'], load: () => (require('./snapshot') as typeof import('./snapshot')).snapshotCommand },
  { name: 'diff', summary: COMMAND_SUMMARIES['diff'], load: () => (require('./diff') as typeof import('./diff')).diffCommand },
  { name: 'lint', summary: COMMAND_SUMMARIES['lint'], load: () => (require('./lint') as typeof import('./lint')).lintCommand },
  { name: 'check', summary: COMMAND_SUMMARIES['check'], load: () => (require('./check') as typeof import('./check')).checkCommand },
  { name: 'check-tree', summary: COMMAND_SUMMARIES['check-tree'], load: () => (require('./check-tree') as typeof import('./check-tree')).checkTreeCommand },
  { name: 'fuzz', summary: COMMAND_SUMMARIES['fuzz'], load: () => (require('./fuzz') as typeof import('./fuzz')).fuzzCommand },
  { name: 'replay', summary: COMMAND_SUMMARIES['replay'], load: () => (require('./replay') as typeof import('./replay')).replayCommand },
  { name: 'trace', summary: COMMAND_SUMMARIES['trace'], load: () => (require('./trace') as typeof import('./trace')).traceCommand },
  { name: 'mutate', summary: COMMAND_SUMMARIES['mutate'], load: () => (require('./mutate') as typeof import('./mutate')).mutateCommand },
  { name: 'release', summary: COMMAND_SUMMARIES['release'], load: () => (require('./release') as typeof import('./release')).releaseCommand },
  { name: 'init', summary: COMMAND_SUMMARIES['init'], load: () => (require('./init') as typeof import('./init')).initCommand },
];

/** Every command, loaded (for tests that look at every command's options). */
export function loadAllCommands(): Command[] {
  return COMMAND_TABLE.map((e) => e.load());
}
