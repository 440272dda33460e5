import type { RegisteredRule } from '../../core/rules/registered-rule';

/**
 * The behaviour rules the conformance suite checks, each named after the design doc rule it checks
 * (D1–D14) or, for security properties, after the class of hole it rules out. Every failed check of
 * the suite names one of these ids, so that a report says which promise broke, not only where.
 */
export const PROPERTY_RULES = {
  'D1/nonzero-pad-rejected': { design: 'D1', rulesOut: 'pad and reserved bytes that old binaries fill with garbage, which would make giving them a meaning later impossible' },
  'D2/unknown-flag-bits-rejected': { design: 'D2', rulesOut: 'flag bits that are silently ignored today and so cannot be given a meaning tomorrow' },
  'D14/unknown-value-rejected': { design: 'D14', rulesOut: 'an unknown opcode or enum value treated as some known one' },
  'D14/stale-handle-rejected': { design: 'D14', rulesOut: 'a destroyed or never-issued handle accepted (use after free through a stale id)' },
  'D14/bad-user-pointer-efault': { design: 'D14', rulesOut: 'an unmapped or short user buffer read or written instead of failing with EFAULT' },
  'D14/unreadable-argument-efault': { design: 'D14', rulesOut: 'a driver acting on an argument it could not copy in (zeros, or half a struct)' },
  'D3/unknown-command-enotty': { design: 'D3', rulesOut: 'unknown commands answered as if they were known (EINVAL instead of ENOTTY confuses feature probing)' },
  'D4/shorter-argument-zero-extended': { design: 'D4', rulesOut: 'old binaries with a shorter struct reading stale kernel bytes as the fields they do not know' },
  'D4/longer-argument-tail-policy': { design: 'D4', rulesOut: 'newer binaries with a longer struct treated otherwise than the spec\'s tail policy says' },
  'D5/counts-and-sizes-checked': { design: 'D5', rulesOut: 'counts, sizes and lengths taken from userspace without a bound' },
  'D6/one-fault-exact-errno': { design: 'D6', rulesOut: 'a call with exactly one fault failing with another errno than that fault\'s' },
  'D7/restartable-after-eintr': { design: 'D7', rulesOut: 'a wait interrupted by a signal that loses its state, so the restarted call answers differently' },
  'D8/wait-honours-timeout': { design: 'D8', rulesOut: 'waits that sleep longer than asked (or return early while reporting a timeout)' },
  'D9/time-inputs-validated': { design: 'D9', rulesOut: 'time inputs (periods, timeouts) accepted out of range or converted with wrapping arithmetic' },
  'D10/resources-freed-on-close': { design: 'D10', rulesOut: 'memory, buffers and handles that outlive the file that owned them' },
  'D13/32-bit-abi-same-result': { design: 'D13', rulesOut: 'a 32-bit process getting another answer than a 64-bit one for the same call' },
  'D14/declared-errno': { design: 'D14', rulesOut: 'an errno the spec does not declare for the ioctl (userspace cannot handle what is not in the contract)' },
  'D14/model-expected-result': { design: 'D14', rulesOut: 'a call whose result differs from what the model of the device predicts' },
  'no-uncaught-exception': { design: 'security', rulesOut: 'an input that crashes the kernel side instead of failing with an errno' },
  'no-info-leak-through-padding': { design: 'security', rulesOut: 'kernel memory leaking to userspace through pad and reserved bytes of output structs' },
  'no-write-past-caller-length': { design: 'security', rulesOut: 'the kernel writing beyond the length the caller gave (return_size, the argument size)' },
  'no-cross-context-handle-use': { design: 'security', rulesOut: 'one file descriptor using, or destroying, another one\'s handles' },
  'no-dma-outside-own-mappings': { design: 'security', rulesOut: 'DMA from a command buffer reaching memory the submitting context has not mapped (or no longer has)' },
  'no-privileged-register-write': { design: 'security', rulesOut: 'user command buffers writing secured registers or driver sync objects' },
  'no-size-arithmetic-overflow': { design: 'security', rulesOut: 'size arithmetic that wraps, so that a huge request allocates or checks almost nothing' },
  'no-use-after-free': { design: 'security', rulesOut: 'memory freed or unmapped while the device can still reach it' },
  'no-stale-data-in-fresh-memory': { design: 'security', rulesOut: 'a new allocation showing what a previous owner (another context) left in that memory' },
  'no-side-effect-on-failure': { design: 'security', rulesOut: 'a rejected call that still allocated, freed or queued something' },
} as const;

export type RuleId = keyof typeof PROPERTY_RULES;
export const RULE_IDS: readonly RuleId[] = Object.keys(PROPERTY_RULES) as RuleId[];

/** The rule a failure is reported under when the suite itself threw, not a check of the device. */
export const SUITE_ERROR = 'suite-error';

/**
 * The behaviour rules as the rule registry lists them: a failed property fails the gate, so each is
 * an error; its purpose is what it rules out.
 */
export const REGISTERED_PROPERTY_RULES: readonly RegisteredRule[] = [
  ...RULE_IDS.map((id): RegisteredRule => ({ id, family: 'property', level: 'error', severity: 'error', purpose: `rules out ${PROPERTY_RULES[id].rulesOut}` })),
  {
    id: SUITE_ERROR, family: 'property', level: 'error', severity: 'error',
    purpose: 'the suite runs to the end: an exception of a property or generator itself (not an errno of the device) proves nothing either way until it is fixed',
  },
];

/**
 * A broken rule, thrown by a property's predicate: fast-check records it as the failure, and the
 * suite reports `[rule] message`.
 */
export class Violation extends Error {
  readonly rule: RuleId;

  constructor(rule: RuleId, message: string) {
    super(`[${rule}] ${message}`);
    this.rule = rule;
    this.name = 'Violation';
  }
}

/** Throws a {@link Violation} of `rule` unless `ok`. */
export function ensure(ok: boolean, rule: RuleId, message: () => string): void {
  if (!ok) throw new Violation(rule, message());
}
