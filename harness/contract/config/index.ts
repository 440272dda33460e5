export { loadConfig, defaultConfig } from './load-config';
export { initialConfigText } from './init-config';
export { CONFIG_FILE, DEFAULT_BUDGETS } from './config';
export type { Config, UapiEntry, Budgets } from './config';
