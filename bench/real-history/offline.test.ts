import test from 'ava';
import { formatIssue } from '../../harness/core/diagnostics/format';
import { offlineCorpus } from './corpus-input';
import { readPairList } from './pairs';
import { scoreCorpus } from './score';

const line = (c: { pair: string; level: string; rule: string; subject: string; reason?: string }): string => `${c.pair}: ${c.level} ${c.rule} ${c.subject}${c.reason !== undefined ? ` (${c.reason})` : ''}`;

test('the offline subset is a part of the corpus pair list', (t) => {
  const all = readPairList();
  const offline = offlineCorpus();
  if (typeof all === 'string' || typeof offline === 'string') return t.fail(String(typeof all === 'string' ? all : offline));
  t.true(offline.pairs.length >= 8);
  for (const p of offline.pairs) t.true(all.pairs.some((q) => q.header === p.header && q.old === p.old && q.new === p.new && q.identicalText === p.identicalText), `${p.header} ${p.old}->${p.new}`);
  return undefined;
});

// The goal of issue 15 on the committed subset (each side its own tree, no download): every change
// rated breaking or hazard is judged, every judged break is reported at a breaking level, no false
// alarm at a breaking level, no false `breaking` verdict, no pair failing.
test('offline real history: every judged break caught, no false alarm, no false breaking verdict', async (t) => {
  const input = offlineCorpus();
  if (typeof input === 'string') return t.fail(input);
  const { score, issues } = await scoreCorpus(input, { incumbent: false, jobs: 2 });
  t.deepEqual(issues.map(formatIssue), [], 'judged files read cleanly');
  t.is(score.judgedPairs, score.pairs, 'every offline pair is judged');
  t.deepEqual(score.failed.map((f) => `${f.pair}: ${f.reason}`), [], 'no pair fails');
  t.deepEqual(score.changes.filter((c) => c.judgment === 'unjudged').map(line), [], 'no UNJUDGED breaking-level change or hazard');
  t.deepEqual(score.misses.map((m) => `${m.pair}: ${m.subject} (${m.level}) ${m.reported}`), [], 'recall 100 %');
  t.is(score.recall, 100);
  t.deepEqual(score.changes.filter((c) => c.level !== 'hazard' && c.judgment === 'false').map(line), [], 'no false breaking-level change');
  t.deepEqual(score.falseBreakingVerdicts, [], 'no false breaking verdict');
  return undefined;
});
