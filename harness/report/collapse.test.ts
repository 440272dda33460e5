import test from 'ava';
import type { ReportItem } from './report';
import { formatText } from './text';

const missing = (abi: string, ext: string): ReportItem => ({ rule: 'GOLDEN_MISSING', level: 'error', subject: `snapshots/x/1.0.0/${abi}.${ext}`, message: 'no golden file' });

test('text output: items that read the same but for their subject are one line with the count and the others named', (t) => {
  const items = ['x86_64', 'i386', 'arm'].flatMap((a) => [missing(a, 'txt'), missing(a, 'json')]);
  t.is(formatText({ title: 'uapi x', verdict: 'failed', failed: true, items }),
    'snapshots/x/1.0.0/x86_64.txt: GOLDEN_MISSING error: no golden file (×6: also x86_64.json, i386.txt, i386.json and 2 more)\n'
    + 'uapi x: failed: 6 errors, 0 warnings, 0 info, 0 waived\n');
});

test('text output: identical lines once with a count; lines on other ABIs, or saying something else, stay apart', (t) => {
  const added: ReportItem = { rule: 'IOCTL_ADDED', level: 'info', label: 'compatible', subject: 'ioctl X', message: 'X was added' };
  const items = [added, added, { ...added, abis: ['i386'] }, { ...added, message: 'Y was added', subject: 'ioctl Y' }];
  t.deepEqual(formatText({ title: 't', verdict: 'compatible', failed: false, items }).split('\n').slice(0, 3), [
    'ioctl X: IOCTL_ADDED compatible: X was added (×2)',
    'ioctl X: IOCTL_ADDED compatible: X was added (on i386)',
    'ioctl Y: IOCTL_ADDED compatible: Y was added',
  ]);
});
