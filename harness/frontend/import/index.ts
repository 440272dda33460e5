export { importHeader, importHeaders, specNameOf } from './import-header';
export type { HeaderImport, ImportOptions } from './import-header';
