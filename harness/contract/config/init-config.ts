import * as path from 'node:path';
import { DEFAULT_BUDGETS, type UapiEntry } from './config';
import { defaultConfig } from './load-config';

/** The text of a starter `uapi.config.json`: the project's spec folders, or the headers given. */
export function initialConfigText(root: string, headers: readonly string[], include: readonly string[]): string {
  const uapis: readonly UapiEntry[] = headers.length > 0
    ? headers.map((h) => ({ name: path.basename(h, '.h').replace(/[^A-Za-z0-9_]/g, '_'), header: h, include }))
    : defaultConfig(root).uapis;
  const config = {
    uapis: uapis.map((u) => ({ name: u.name, ...(u.spec !== undefined ? { spec: u.spec } : { header: u.header }), ...(u.include.length > 0 ? { include: u.include } : {}) })),
    abis: 'all',
    policy: 'kernel',
    snapshots: 'snapshots',
    reports: 'reports',
    budgets: DEFAULT_BUDGETS,
  };
  return JSON.stringify(config, null, 2) + '\n';
}
