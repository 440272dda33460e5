import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { issue } from '../../harness/core/diagnostics/issue';
import type { MeasureContext, MeasureOutcome, Measurement } from '../measurement';
import { median, significant } from '../stats';

const UAPI_BIN = path.resolve(__dirname, '..', '..', '..', 'bin', 'uapi.js');

const RATIO = 'startup.help_vs_node_ratio';
const HELP_MS = 'startup.help_ms';
const NODE_MS = 'startup.node_ms';

/** Wall time of one subprocess in ms, and its exit status. */
function timed(args: readonly string[]): { ms: number; status: number | null } {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  return { ms: performance.now() - started, status: r.status };
}

/**
 * What every command pays before it works: `node bin/uapi.js --help` against Node's own start-up
 * (`node -e ''`), interleaved so that load on the machine hits both alike; medians. (`npx uapi` adds
 * npm's own start-up on top, which CI avoids by running the package's bin directly.)
 */
export const startupHelp: Measurement = {
  name: 'startup',
  figures: [RATIO, HELP_MS, NODE_MS],
  description: '`uapi --help` against `node -e \'\'`: the start-up every command pays',
  async measure(ctx: MeasureContext): Promise<MeasureOutcome> {
    const repetitions = Math.max(5, 2 * Math.round(5 * ctx.seconds) + 1);
    const help: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      ctx.progress(`startup: run ${i + 1}/${repetitions}`);
      const h = timed([UAPI_BIN, '--help']);
      if (h.status !== 0) return { results: [], notes: [], missing: [], failures: [issue('BENCH_RUN', 'uapi --help', `exit ${h.status ?? 'by signal'}`)] };
      help.push(h.ms);
      node.push(timed(['-e', '']).ms);
    }
    const ms = (v: number): number => Math.round(v * 10) / 10;
    const ratio = significant(median(help) / median(node));
    return {
      results: [
        { name: RATIO, value: ratio, unit: 'ratio' },
        { name: HELP_MS, value: ms(median(help)), unit: 'ms' },
        { name: NODE_MS, value: ms(median(node)), unit: 'ms' },
      ],
      notes: [`startup: \`node bin/uapi.js --help\` ${ms(median(help))} ms against \`node -e ''\` ${ms(median(node))} ms, ${repetitions} interleaved runs, medians; target ≤ 2.0: ${ratio <= 2 ? 'met' : 'not met'}.`],
      missing: [],
      failures: [],
    };
  },
};
