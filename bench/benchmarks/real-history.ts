import { issue } from '../../harness/core/diagnostics/issue';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { fetchedCorpus } from '../real-history/corpus-input';
import { figures, FIGURES, textReport } from '../real-history/report';
import { scoreCorpus } from '../real-history/score';

/**
 * The judged real-history corpus (issue 15): `uapi diff` on every pair of pairs.json, each side on its
 * own Debian tree, every change rated breaking or hazard judged against judged/*.json; beside it
 * check-uapi.sh's pipeline on the same pairs. Counts and percentages, not times.
 */
export const realHistoryScore: Measurement = {
  name: 'real_history',
  figures: FIGURES,
  description: 'precision, recall and false breaking verdicts of uapi diff on the judged real-history corpus, beside check-uapi.sh',
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const input = fetchedCorpus(ctx.progress);
    if (typeof input === 'string') return { results: [], notes: [], missing: [issue('BENCH_INPUT', 'real_history', input)], failures: [] };
    const r = await scoreCorpus(input, { progress: (line) => ctx.progress(`real_history: ${line}`) });
    return { results: figures(r.score), notes: textReport(r.score, r.header).trimEnd().split('\n'), missing: [], failures: [...r.issues] };
  },
};
