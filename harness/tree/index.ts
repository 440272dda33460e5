export { checkTree } from './check-tree';
export type { TreeOptions, TreeResult, HeaderResult } from './check-tree';
export { resolveRefs, changedHeaders, uapiPathspecs } from './changed-headers';
export type { TreeRefs, ChangedHeader, HeaderStatus } from './changed-headers';
