export { ABIGAIL_APT_LINE, findIncumbentTools } from './incumbent-tools';
export type { IncumbentTools, IncumbentToolOptions } from './incumbent-tools';
export { checkUapiCompileArgs, compileHeaderLikeCheckUapi, STUB_SOURCE } from './compile-header';
export { interpretAbidiff, runAbidiff } from './abidiff-verdict';
export type { AbidiffOutcome } from './abidiff-verdict';
export { runIncumbent, runIncumbentOnFiles } from './run-incumbent';
export type { HeaderPair, IncumbentOptions, IncumbentRun } from './run-incumbent';
