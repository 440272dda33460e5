/**
 * The spec-driven conformance suite against the emulated core: argument properties derived from the
 * spec's annotations, the stateful model, scenarios, the ABI comparison; the runner, failure files,
 * replay and the regression corpus; time-boxed sharded fuzzing; mutation testing of the suite.
 */
export { PROPERTY_RULES, RULE_IDS, REGISTERED_PROPERTY_RULES, SUITE_ERROR, Violation, ensure } from './rules';
export type { RuleId } from './rules';
export { SUITE, SPEC_DERIVED, suiteOf, findProperty } from './properties/catalogue';
export { System, Slot, CANARY_BYTES } from './world/system';
export type { SystemOptions, CallOptions, CallOutcome, IoctlCounter } from './world/system';
export type { DeviceInstance, OpenMode } from './world/device-instance';
export { callValue } from './world/call-value';
export type { SuiteProperty, SuiteContext } from './properties/suite-property';
export { runSuite, failed } from './run/suite';
export type { SuiteOptions, SuiteResult } from './run/suite';
export { runProperty, replayData } from './run/run-property';
export type { PropertyOutcome, RunParams, Verdict } from './run/run-property';
export { corpusDir, loadCorpus, replayFailure } from './run/corpus';
export type { CorpusEntry } from './run/corpus';
export { FAILURE_FORMAT, failureOf, readFailureFile, writeFailureFile, failureFileName } from './run/failure-file';
export type { FailureFile } from './run/failure-file';
export { replayCommand, replayFileCommand } from './run/replay-command';
export { QUICK_SEED, propertySeed } from './run/seeds';
export { QUICK_ABI_NAMES, suiteAbis, emulatorProblem } from './run/suite-setup';
export { fuzz } from './fuzz/fuzz';
export type { FuzzOptions, FuzzProgress } from './fuzz/fuzz';
export type { FuzzReport, FuzzFailure, FuzzPropertyStats } from './fuzz/fuzz-report';
export { mergeFuzzReports, readFuzzReport } from './fuzz/merge';
export { parseDuration, formatDuration } from './fuzz/duration';
export { parseShard, shardText, roundOf } from './fuzz/shard';
export type { Shard } from './fuzz/shard';
export { mutate, mutationPassed } from './mutate/mutate';
export type { MutateOptions, MutationReport, MutantResult } from './mutate/mutate';
export { specFacts } from './spec-facts/spec-facts';
export type { SpecFacts } from './spec-facts/spec-facts';
export type { IoctlFacts, RecordFacts } from './spec-facts/ioctl-facts';
export type { FieldSite, SiteKind } from './spec-facts/field-sites';
