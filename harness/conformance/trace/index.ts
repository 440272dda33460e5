/**
 * Golden ioctl traces: what a release's userspace did to the emulated core in its suite run and what
 * the core answered, recorded once per release and replayed on every later core.
 */
export { TRACE_FORMAT, TRACE_FILE } from './trace-format';
export type { Trace, TraceSession, TraceStep, TraceWrite } from './trace-format';
export { toCompactHex, fromCompactHex } from './compact-hex';
export { recordTrace, TRACE_SEED, TRACE_RUNS } from './record-trace';
export type { RecordOptions } from './record-trace';
export { replayTrace } from './replay-trace';
export type { Divergence, ReplayResult } from './replay-trace';
export { describeDivergence, callText, requestName } from './describe-divergence';
export { readTrace, traceText } from './trace-file';
export { recordReleaseTrace, writeReleaseTrace, addReleaseTrace, traceFileOf } from './release-trace';
export { TRACED_PROPERTIES, UNTRACED_PROPERTIES } from './traced-properties';
