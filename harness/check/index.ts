export { checkUapi, checkResult } from './run-check';
export type { CheckTarget, CheckOptions } from './run-check';
export { formatCheckText, checkReport, checkJson } from './format-check';
export type { CheckResult, StepResult, StepVerdict } from './step';
