import type { Command } from '../command';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { layoutCommand } from './layout';
import { lintCommand } from './lint';
import { releaseCommand } from './release';
import { snapshotCommand } from './snapshot';

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMANDS: readonly Command[] = [layoutCommand, snapshotCommand, diffCommand, lintCommand, checkCommand, releaseCommand];
