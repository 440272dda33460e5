/**
 * The public API of uapi-harness (the library). Spec files import the DSL alone from 'uapi-harness/dsl'
 * (harness/core/model/dsl/index.ts); this barrel re-exports it so that older specs importing 'uapi-harness' keep working.
 */
export * from './core/model/dsl';
export type * from './core/model/model';
export { KERNEL_SCALARS, C_SCALARS, FAILURE_CLASSES } from './core/model/model';
export { SCALARS, isScalarName } from './core/model/scalars';
export type { ScalarInfo, ScalarClass } from './core/model/scalars';
export { validateSpec } from './core/model/validate';
export { toCanonical, fromCanonical, CANONICAL_FORMAT } from './core/model/canonical';

export type { Issue, Severity } from './core/diagnostics';
export { issue, hasErrors, formatIssue, formatLoc, UserError } from './core/diagnostics';

export { ABIS, DEFAULT_ABI_NAMES, findAbi, abiNames, parseAbiList } from './core/layout/abi';
export type { Abi, IoctlFamily } from './core/layout/abi';
export { encodeRequest, decodeRequest, maxIoctlSize, IOCTL_ENCODINGS } from './core/layout/ioctl-encoding';
export type { IoctlEncoding, DecodedRequest } from './core/layout/ioctl-encoding';
export { LayoutEngine, layoutEngine } from './core/layout/engine';
export type { SizeAlign, MemberLayout, RecordLayout, PaddingRange } from './core/layout/engine';
export { layoutReport, abiLayoutView, fieldViews, typeView, ioctlViews } from './core/layout/spec-layout';
export type { LayoutReport, AbiLayoutView, TypeView, FieldView, IoctlView, EnumView, ConstantView } from './core/layout/spec-layout';
export { formatLayoutText, formatRecordText } from './core/layout/format-text';
export { typeName } from './core/layout/type-name';

export { loadUapi } from './contract/load/load-uapi';
export type { LoadedUapi, LoadOptions, UapiOrigin } from './contract/load/load-uapi';
export { toJson } from './core/util/json';

// Lint: the static uAPI rules S1-S15.
export {
  lintSpec, lintFailed, lintSummary, ruleLabel, buildContext, LINT_RULES, LINT_RULES_BY_ID, findLintRule,
  WAIVER_RULE, lintReport, findingToReportItem, findingLabel, lintJson,
} from './contract/lint';
export type {
  LintOptions, Finding, LintSeverity, LintSummary, LintRule, RuleFinding, LintContext, RecordEntry, MemberEntry,
  HeaderText, LintJson, LintJsonFinding,
} from './contract/lint';

// Report writers shared by lint, diff and check: pure (report) => string functions.
export {
  REPORT_LEVELS, countItems, countsLine, locationText, messageWithAbis, formatText, formatItemText, formatMarkdown,
  formatJunit, formatJunitSuites, itemsCase, markdownItems, formatSarif, formatGithub, formatItemGithub, escapeXmlText, escapeXmlAttribute,
} from './report';
export type { Report, ReportItem, ReportLevel, ReportLocation, ReportCounts, JunitCase, JunitSuite, MarkdownItemsOptions } from './report';

// Header import (clang), the layout oracle, the C header writer and kernel header downloads (issue 3).
export { importHeader, specNameOf } from './frontend/import';
export type { ImportOptions } from './frontend/import';
export { writeDsl, annotationsTemplate } from './frontend/import/write-dsl';
export { emitCHeader, cTypeName } from './frontend/emit/c-header';
export type { EmittedHeader, EmittedPosition } from './frontend/emit/c-header';
export { verifyLayout } from './frontend/oracle/verify-layout';
export type { VerifyResult, VerifyOptions, VerifySource, LayoutMismatch } from './frontend/oracle/verify-layout';
export { layoutQueries } from './frontend/oracle/layout-queries';
export type { LayoutQuery, QueryKind } from './frontend/oracle/layout-queries';
export { formatVerifyText, formatVerifyJson } from './frontend/oracle/format-verify';
export { findClang } from './frontend/clang/find-clang';
export type { ClangTool, ClangInvocation, ClangRun } from './frontend/clang/clang-tool';
export { fetchKernelHeaders, fetchPinnedKernelHeaders, KERNEL_SUITES, PINNED_VERSIONS, isKernelSeries } from './frontend/kernel-headers';
export type { KernelHeaders, FetchOptions, KernelSeries, PinnedKernelHeaders, PinnedFetchOptions } from './frontend/kernel-headers';

// Codec: any spec type to and from bytes on any ABI, compiled once per (type, ABI) (issue 5).
export { TypeCodec, codecFor, codecForNode, planOf, visibleKeys, scalarAccess, integerAccess, formatCodecError, CODEC_CODES, valueArbitrary } from './core/codec';
export type {
  CodecResult, WriteInput, Decoded, PlanNode, ScalarPlan, BitsPlan, ArrayPlan, RecordPlan, PlanMember, ScalarAccess, CodecError,
} from './core/codec';
// Runtime: the typed userspace library over the emulated device (issue 5).
export { HlRuntime, InfoApi, CbApi, CsApi, MemApi, DebugApi, IoctlCaller, SCRATCH, COMPUTE_NODE, CONTROL_NODE } from './userspace';
export type { Process, IoctlOutcome, MapRequest, BackendName, SysResult, Errno } from './core/boundary/process';
export type { RuntimeOptions, CommandBufferRef, Chunk, Submission, WaitResult, AllocOptions, MapOptions, RtResult } from './userspace';

// The gate's report files (`uapi check --out DIR`) and the self-contained HTML page with struct
// layout diagrams (issue 8).
export { CHECK_OUTPUT_FILES, checkOutputs, writeCheckOutputs, formatCheckSummary, formatCheckJunit } from './gate';
// One registry of every rule a report can name (change, lint, property and the gate's checks): id, level, purpose.
export { RULE_REGISTRY, rulePurpose } from './gate';
export { ruleRegistry } from './core/rules/registered-rule';
export type { RegisteredRule, RuleFamily, RuleRegistry } from './core/rules/registered-rule';
export type { CheckResult, StepResult, StepVerdict, StepComparison, PropertyResult } from './gate';
export { formatCheckHtml, byteMapOf, byteMapSvg, fieldChanges, escapeHtml, escapeHtmlAttribute } from './gate/html';
export type { HtmlReportInput, CheckedUapi, ByteMap, MapField, MapPadding, FieldMark, FieldNote, ByteMapSvgOptions, FieldChanges } from './gate/html';

// The conformance suite against the emulated core: properties, runner, replay, fuzzing, mutation testing (issue 6).
export {
  PROPERTY_RULES, RULE_IDS, REGISTERED_PROPERTY_RULES, SUITE_ERROR, Violation, SUITE, findProperty, runSuite, runProperty, replayData, corpusDir, loadCorpus, replayFailure,
  FAILURE_FORMAT, failureOf, readFailureFile, writeFailureFile, replayCommand, QUICK_SEED, fuzz, mergeFuzzReports,
  parseDuration, parseShard, mutate, mutationPassed, specFacts, SPEC_DERIVED, suiteOf, System, Slot, callValue,
} from './conformance/pbt';
export type { SystemOptions, CallOptions, CallOutcome, IoctlCounter, DeviceInstance, OpenMode } from './conformance/pbt';
export { DEVICES, DEFAULT_DEVICE, deviceFor, deviceOnBackend, devicesOf, USERFAULTFD_NODE } from './conformance/devices';
export { userfaultfdDevice } from './conformance/devices/userfaultfd/device';
export type { DeviceUnderTest, Stage, HandlesByKind, MappedHost, RecipeOptions } from './conformance/devices';
export { E, errnoName } from './core/boundary/errno';
export type {
  RuleId, SuiteProperty, SuiteContext, SuiteOptions, SuiteResult, PropertyOutcome, CorpusEntry, FailureFile, FuzzOptions,
  FuzzReport, FuzzFailure, Shard, MutateOptions, MutationReport, MutantResult, SpecFacts, IoctlFacts, FieldSite,
} from './conformance/pbt';
export { propertiesStep } from './gate/properties-step';
export type { PropertiesStepOptions } from './gate/properties-step';

// Many headers at once (a whole header tree): native clang compiles many probes per process (issue 9).
export { importHeaders } from './frontend/import';
export type { HeaderImport } from './frontend/import';

// Releases and old userspace on the new core: golden ioctl traces, cross-version suites (issue 7).
export {
  TRACE_FORMAT, TRACE_FILE, toCompactHex, fromCompactHex, recordTrace, replayTrace, describeDivergence, readTrace, traceText,
  recordReleaseTrace, writeReleaseTrace, addReleaseTrace, TRACED_PROPERTIES, UNTRACED_PROPERTIES,
} from './conformance/trace';
export type { Trace, TraceSession, TraceStep, TraceWrite, Divergence, ReplayResult, RecordOptions } from './conformance/trace';
export { crossVersionStep } from './gate/cross-version-step';
export { traceStep } from './gate/trace-step';

// The release store: atomic, exclusive, verified releases with a manifest (issue 13).
export {
  listReleases, releaseErrors, verifyRelease, sealReleases, acquireStoreLock, recoverStore,
  readManifest, manifestText, RELEASE_SPEC_FILE, MANIFEST_FILE, LOCK_FILE, isReleased,
} from './contract/release';
export type { Release, ListOptions, VerifyOptions as ReleaseVerifyOptions, StoreLock, ManifestEntry } from './contract/release';
export { freezeRelease } from './gate/freeze';
export type { FreezeOptions, FreezeResult } from './gate/freeze';
export { checkSpecShape } from './core/model/spec-shape';

// Headers whose content depends on the target: per-ABI specs of an import.
export { specForAbi } from './frontend/import/target-variants';
export type { SpecVariant } from './frontend/import/target-variants';
