import type { Command } from '../command';
import { layoutCommand } from './layout';

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMANDS: readonly Command[] = [layoutCommand];
