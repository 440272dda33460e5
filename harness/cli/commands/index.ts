import type { Command } from '../command';
import { layoutCommand } from './layout';
import { snapshotCommand } from './snapshot';

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMANDS: readonly Command[] = [layoutCommand, snapshotCommand];
