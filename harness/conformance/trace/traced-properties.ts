/**
 * Which suite properties make a release's golden trace. A trace holds calls whose answers the
 * release's contract fixes for good: conforming calls, the stateful model, the scenarios, bad handles,
 * bad pointers, short arguments. Left out are the probes of what the release leaves undefined: a later
 * release may give that input a meaning (a pad becomes a field, a flag bit or an opcode is added, an
 * ioctl number is assigned, a longer argument is understood), and then the old answer (an error) is
 * rightly replaced by a new one.
 */
export const TRACED_PROPERTIES: readonly string[] = [
  'D14/declared-errno',
  'no-cross-context-handle-use',
  'D14/bad-user-pointer-efault',
  'D14/unreadable-argument-efault',
  'D4/shorter-argument-zero-extended',
  'model/command-sequences',
  'no-stale-data-in-fresh-memory',
  'D9/time-inputs-validated',
  'D13/32-bit-abi-same-result',
];

/** The properties left out, and why (README and the trace's own header cite these). */
export const UNTRACED_PROPERTIES: Readonly<Record<string, string>> = {
  'D1/nonzero-pad-rejected': 'a later release may give the pad a meaning',
  'D2/unknown-flag-bits-rejected': 'a later release may define the bit',
  'D14/unknown-value-rejected': 'a later release may add the value (a new opcode)',
  'D3/unknown-command-enotty': 'a later release may assign the request number',
  'D4/longer-argument-tail-policy': 'a later release may grow the argument to that size',
};
