import type { Command } from '../command';
import { checkCommand } from './check';
import { checkTreeCommand } from './check-tree';
import { diffCommand } from './diff';
import { fuzzCommand } from './fuzz';
import { importCommand } from './import';
import { initCommand } from './init';
import { layoutCommand } from './layout';
import { lintCommand } from './lint';
import { mutateCommand } from './mutate';
import { releaseCommand } from './release';
import { replayCommand } from './replay';
import { snapshotCommand } from './snapshot';
import { verifyLayoutCommand } from './verify-layout';

/** Every command of the `uapi` binary, in the order `uapi --help` lists them. */
export const COMMANDS: readonly Command[] = [layoutCommand, importCommand, verifyLayoutCommand, snapshotCommand, diffCommand, lintCommand, checkCommand, checkTreeCommand, fuzzCommand, replayCommand, mutateCommand, releaseCommand, initCommand];
