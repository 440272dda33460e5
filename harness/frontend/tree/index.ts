export { resolveRefs, changedHeaders, uapiPathspecs } from './changed-headers';
export type { TreeRefs, ChangedHeader, HeaderStatus } from './changed-headers';
