/**
 * The public API of uapi-harness (the library). Spec files import the DSL alone from 'uapi-harness/dsl'
 * (harness/spec/dsl/index.ts); this barrel re-exports it so that older specs importing 'uapi-harness' keep working.
 */
export * from './spec/dsl';
export type * from './spec/model';
export { KERNEL_SCALARS, C_SCALARS, FAILURE_CLASSES } from './spec/model';
export { SCALARS, isScalarName } from './spec/scalars';
export type { ScalarInfo, ScalarClass } from './spec/scalars';
export { validateSpec } from './spec/validate';
export { toCanonical, fromCanonical, CANONICAL_FORMAT } from './spec/canonical';

export type { Issue, Severity } from './diagnostics';
export { issue, hasErrors, formatIssue, formatLoc, UserError } from './diagnostics';

export { ABIS, DEFAULT_ABI_NAMES, findAbi, abiNames, parseAbiList } from './layout/abi';
export type { Abi, IoctlFamily } from './layout/abi';
export { encodeRequest, decodeRequest, maxIoctlSize, IOCTL_ENCODINGS } from './layout/ioctl-encoding';
export type { IoctlEncoding, DecodedRequest } from './layout/ioctl-encoding';
export { LayoutEngine, layoutEngine } from './layout/engine';
export type { SizeAlign, MemberLayout, RecordLayout, PaddingRange } from './layout/engine';
export { layoutReport, abiLayoutView, fieldViews, typeView, ioctlViews } from './layout/spec-layout';
export type { LayoutReport, AbiLayoutView, TypeView, FieldView, IoctlView, EnumView, ConstantView } from './layout/spec-layout';
export { formatLayoutText, formatRecordText } from './layout/format-text';
export { typeName } from './layout/type-name';

export { loadUapi } from './load/load-uapi';
export type { LoadedUapi, LoadOptions, UapiOrigin } from './load/load-uapi';
export { toJson } from './util/json';

// Lint: the static uAPI rules S1-S15.
export {
  lintSpec, lintFailed, lintSummary, ruleLabel, buildContext, LINT_RULES, LINT_RULES_BY_ID, findLintRule,
  WAIVER_RULE, lintReport, findingToReportItem, findingLabel, lintJson,
} from './lint';
export type {
  LintOptions, Finding, LintSeverity, LintSummary, LintRule, RuleFinding, LintContext, RecordEntry, MemberEntry,
  HeaderText, LintJson, LintJsonFinding,
} from './lint';

// Report writers shared by lint, diff and check: pure (report) => string functions.
export {
  REPORT_LEVELS, countItems, countsLine, locationText, messageWithAbis, formatText, formatItemText, formatMarkdown,
  formatJunit, formatGithub, formatItemGithub, escapeXmlText, escapeXmlAttribute,
} from './report';
export type { Report, ReportItem, ReportLevel, ReportLocation, ReportCounts } from './report';

// Header import (clang), the layout oracle, the C header writer and kernel header downloads (issue 3).
export { importHeader, specNameOf } from './import';
export type { ImportOptions } from './import';
export { writeDsl, annotationsTemplate } from './import/write-dsl';
export { emitCHeader, cTypeName } from './emit/c-header';
export type { EmittedHeader, EmittedPosition } from './emit/c-header';
export { verifyLayout } from './oracle/verify-layout';
export type { VerifyResult, VerifyOptions, VerifySource, LayoutMismatch } from './oracle/verify-layout';
export { layoutQueries } from './oracle/layout-queries';
export type { LayoutQuery, QueryKind } from './oracle/layout-queries';
export { formatVerifyText, formatVerifyJson } from './oracle/format-verify';
export { findClang } from './clang/find-clang';
export type { ClangTool, ClangInvocation, ClangRun } from './clang/clang-tool';
export { fetchKernelHeaders, fetchPinnedKernelHeaders, KERNEL_SUITES, PINNED_VERSIONS, isKernelSeries } from './kernel-headers';
export type { KernelHeaders, FetchOptions, KernelSeries, PinnedKernelHeaders, PinnedFetchOptions } from './kernel-headers';

// Codec: any spec type to and from bytes on any ABI, compiled once per (type, ABI) (issue 5).
export { TypeCodec, codecFor, codecForNode, planOf, visibleKeys, scalarAccess, integerAccess, formatCodecError, CODEC_CODES, valueArbitrary } from './codec';
export type {
  CodecResult, WriteInput, Decoded, PlanNode, ScalarPlan, BitsPlan, ArrayPlan, RecordPlan, PlanMember, ScalarAccess, CodecError,
} from './codec';
// Runtime: the typed userspace library over the emulated device (issue 5).
export { HlRuntime, InfoApi, CbApi, CsApi, MemApi, DebugApi, IoctlCaller, SCRATCH } from './runtime';
export type { RuntimeOptions, CommandBufferRef, Chunk, Submission, WaitResult, AllocOptions, MapOptions, RtResult } from './runtime';

// The gate's report files (`uapi check --out DIR`) and the self-contained HTML page with struct
// layout diagrams (issue 8).
export { CHECK_OUTPUT_FILES, checkOutputs, writeCheckOutputs, formatCheckSummary, formatCheckJunit } from './check';
export type { CheckResult, StepResult, StepVerdict, StepComparison, PropertyResult } from './check';
export { formatCheckHtml, byteMapOf, byteMapSvg, fieldChanges, escapeHtml, escapeHtmlAttribute } from './report/html';
export type { HtmlReportInput, CheckedUapi, ByteMap, MapField, MapPadding, FieldMark, FieldNote, ByteMapSvgOptions, FieldChanges } from './report/html';

// The conformance suite against the emulated core: properties, runner, replay, fuzzing, mutation testing (issue 6).
export {
  RULES, RULE_IDS, Violation, SUITE, findProperty, runSuite, runProperty, replayData, corpusDir, loadCorpus, replayFailure,
  FAILURE_FORMAT, failureOf, readFailureFile, writeFailureFile, replayCommand, QUICK_SEED, fuzz, mergeFuzzReports,
  parseDuration, parseShard, mutate, mutationPassed, specFacts,
} from './pbt';
export type {
  RuleId, SuiteProperty, SuiteContext, SuiteOptions, SuiteResult, PropertyOutcome, CorpusEntry, FailureFile, FuzzOptions,
  FuzzReport, FuzzFailure, Shard, MutateOptions, MutationReport, MutantResult, SpecFacts, IoctlFacts, FieldSite,
} from './pbt';
export { propertiesStep } from './check/properties-step';
export type { PropertiesStepOptions } from './check/properties-step';

// Many headers at once (a whole header tree): native clang compiles many probes per process (issue 9).
export { importHeaders } from './import';
export type { HeaderImport } from './import';

// Releases and old userspace on the new core: golden ioctl traces, cross-version suites (issue 7).
export {
  TRACE_FORMAT, TRACE_FILE, toCompactHex, fromCompactHex, recordTrace, replayTrace, describeDivergence, readTrace, traceText,
  recordReleaseTrace, writeReleaseTrace, addReleaseTrace, TRACED_PROPERTIES, UNTRACED_PROPERTIES,
} from './trace';
export type { Trace, TraceSession, TraceStep, TraceWrite, Divergence, ReplayResult, RecordOptions } from './trace';
export { crossVersionStep } from './check/cross-version-step';
export { traceStep } from './check/trace-step';

// The release store: atomic, exclusive, verified releases with a manifest (issue 13).
export {
  listReleases, releaseErrors, verifyRelease, freezeRelease, sealReleases, acquireStoreLock, recoverStore,
  readManifest, manifestText, RELEASE_SPEC_FILE, MANIFEST_FILE, LOCK_FILE, isReleased,
} from './release';
export type { Release, ListOptions, VerifyOptions as ReleaseVerifyOptions, FreezeOptions, FreezeResult, StoreLock, ManifestEntry } from './release';
export { checkSpecShape } from './spec/spec-shape';

// Headers whose content depends on the target: per-ABI specs of an import.
export { specForAbi } from './import/target-variants';
export type { SpecVariant } from './import/target-variants';
