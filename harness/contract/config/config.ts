import type { PolicyName } from '../diff/policy';

/** One uAPI the project gates: a spec folder, or a C header imported on the fly. */
export interface UapiEntry {
  readonly name: string;
  /** A spec folder or file (relative to the config file). Exactly one of spec and header. */
  readonly spec?: string;
  /** A C header; with `include` folders for its `#include`s. */
  readonly header?: string;
  readonly include: readonly string[];
}

/** Property-test budgets: the quick suite of `npm test`/`uapi check`, and the nightly `uapi fuzz` default. */
export interface Budgets {
  /** Runs per property in the quick suite. */
  readonly quickRuns: number;
  /** Default `uapi fuzz --time`, e.g. `10m`. */
  readonly fuzzTime: string;
}

/** `uapi.config.json`, with defaults filled in. */
export interface Config {
  /** The file it was read from, or undefined for the built-in defaults. */
  readonly file: string | undefined;
  /** Folder relative paths are resolved against (the config file's). */
  readonly root: string;
  readonly uapis: readonly UapiEntry[];
  /** ABI names, or `all`. */
  readonly abis: string;
  readonly policy: PolicyName;
  readonly snapshots: string;
  readonly reports: string;
  readonly budgets: Budgets;
}

export const CONFIG_FILE = 'uapi.config.json';

export const DEFAULT_BUDGETS: Budgets = { quickRuns: 100, fuzzTime: '10m' };
