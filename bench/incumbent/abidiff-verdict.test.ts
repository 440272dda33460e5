import test from 'ava';
import { interpretAbidiff } from './abidiff-verdict';

const summary = (removed: number, changed: number, added: number): string =>
  `Functions changes summary: 0 Removed, 0 Changed, 0 Added function\nUnreachable types summary: ${removed} removed, ${changed} changed, ${added} added type\n`;

test('exit 0 passes, with nothing named', (t) => {
  const r = interpretAbidiff(0, null, summary(0, 0, 0), '');
  t.like(r.outcome, { verdict: 'passes', exitCode: 0, changedTypes: [], removedTypes: [], addedTypes: [] });
  t.deepEqual(r.issues, []);
});

test('an ABI change with a changed type fails, naming it', (t) => {
  const out = `${summary(0, 1, 0)}\n  [C] 'struct acme_wait_cs_in' changed:\n    type size hasn't changed\n`;
  t.like(interpretAbidiff(12, null, out, '').outcome, { verdict: 'breaking', changedTypes: ['struct acme_wait_cs_in'] });
});

test('only additions pass, as check-uapi.sh decides from the unreachable types summary', (t) => {
  const out = `${summary(0, 0, 1)}\n  [A] 'struct acme_timestamp_args' at acme_accel.h:180:1\n`;
  t.like(interpretAbidiff(4, null, out, '').outcome, { verdict: 'passes', addedTypes: ['struct acme_timestamp_args'] });
});

test('a removed type fails', (t) => {
  const out = `${summary(1, 0, 0)}\n  [D] 'struct acme_debug_args' at acme_accel.h:150:1\n`;
  t.like(interpretAbidiff(12, null, out, '').outcome, { verdict: 'breaking', removedTypes: ['struct acme_debug_args'] });
});

test('a change without the summary line fails (the script greps for it)', (t) => {
  t.like(interpretAbidiff(4, null, 'something else\n', '').outcome, { verdict: 'breaking' });
});

test('error bits and signals are issues, never verdicts', (t) => {
  for (const [code, signal] of [[1, null], [2, null], [3, null], [null, 'SIGSEGV']] as const) {
    const r = interpretAbidiff(code, signal, '', 'abidiff: cannot read file\n');
    t.is(r.outcome, undefined);
    t.is(r.issues[0]?.code, 'INCUMBENT_FAILED');
    t.regex(r.issues[0]?.message ?? '', /did not run properly/);
  }
  t.regex(interpretAbidiff(null, 'SIGSEGV', '', '').issues[0]?.message ?? '', /killed by SIGSEGV/);
});
