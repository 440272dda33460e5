import type { Report } from '../report/report';

/**
 * A report exercising every writer's corner: a located error limited to some ABIs, an unlocated
 * warning whose message holds `%`, `:`, `,` and a line break, a waived note in a file whose name
 * holds `,` and `:` with Markdown and XML specials, and a diff-style item with its own level label.
 */
export const DEMO_REPORT: Report = {
  title: 'uapi lint demo 1.0.0',
  verdict: 'failed',
  failed: true,
  items: [
    { rule: 'S2/no-implicit-padding', level: 'error', subject: 'struct a.b', message: '4-byte hole before it; declare `__u32 pad`', location: { file: 'specs/x/spec.ts', line: 12, col: 3 }, abis: ['x86_64', 'arm'] },
    { rule: 'S8/64-bit-time', level: 'warning', subject: 'struct a.timeout', message: 'a 32-bit count: 100%, overflow\nsoon' },
    { rule: 'S7/size-multiple-of-4', level: 'info', subject: 'struct <anonymous #1>', message: 'size 12 | not 8', location: { file: 'a,b:c.h', line: 5 }, waived: 'frozen <since> 5.1 & "ok"' },
    { rule: 'FIELD_OFFSET_CHANGED', level: 'error', label: 'abi-break', subject: 'struct a.b', message: 'offset 4 -> 8', location: { file: 'a.h' } },
  ],
  checks: ['S1/fixed-width-types', 'S2/no-implicit-padding', 'S7/size-multiple-of-4', 'S8/64-bit-time', 'FIELD_OFFSET_CHANGED'],
};

/** A report with nothing to say. */
export const CLEAN_REPORT: Report = { title: 'uapi lint clean 1.0.0', verdict: 'passed', failed: false, items: [], checks: ['S1/fixed-width-types'] };
