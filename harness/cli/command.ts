import type { ParseArgsConfig } from 'node:util';
import type { ProgressStream } from './import-progress-line';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & { readonly description: string; readonly valueName?: string };

/** Where a command writes; tests pass buffers, the binary passes the process streams. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stdout is an interactive terminal (progress bars only then). */
  readonly isTty: boolean;
  /** Where a long import's progress line goes (the process's stderr; nothing is drawn unless it is a terminal). */
  readonly progress?: ProgressStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  readonly io: Io;
  readonly values: OptionValues;
  readonly positionals: readonly string[];
  readonly debug: boolean;
}

/**
 * One CLI command: its flags are a data table (parsed with node:util parseArgs), and `run` returns the
 * exit code: 0 nothing breaking, 1 breaking change or failed property, 2 usage or input error.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Positional part of the synopsis, e.g. `<uapi>`. */
  readonly synopsis: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Minimum and maximum number of positional arguments. */
  readonly positionals: readonly [min: number, max: number];
  readonly details?: string;
  run(ctx: CommandContext): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_BREAKING = 1;
export const EXIT_USAGE = 2;
