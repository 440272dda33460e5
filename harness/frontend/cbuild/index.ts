export { findCCompiler, type CCompiler } from './c-compiler';
export { buildC, cCompileCount, type CBuildRequest } from './build-c';
