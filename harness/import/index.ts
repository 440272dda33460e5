export { importHeader, specNameOf } from './import-header';
export type { ImportOptions } from './import-header';
