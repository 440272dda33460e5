export { goldenFiles, versionDir } from './golden-files';
export type { GoldenFile } from './golden-files';
export { compareGoldens, writeGoldens } from './compare';
export type { GoldenResult, GoldenStatus } from './compare';
export { discoverSpecFolders } from './discover';
