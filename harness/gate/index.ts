export { checkUapi, checkResult } from './run-check';
export type { CheckTarget, CheckOptions } from './run-check';
export { formatCheckText, checkReport, checkJson } from './format-check';
export type { CheckResult, StepResult, StepVerdict, StepComparison, PropertyResult } from './step';
export { CHECK_OUTPUT_FILES, checkOutputs, writeCheckOutputs } from './out';
export { formatCheckSummary } from './out-summary';
export { formatCheckJunit } from './out-junit';
export { RULE_REGISTRY, rulePurpose } from './rule-registry';
