import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserError } from '../../core/diagnostics/user-error';
import { releaseNamed, suiteTarget } from '../suite-target';
import { dataToJson } from '../../conformance/pbt/run/data-json';
import { issue } from '../../core/diagnostics/issue';
import type { Release } from '../../contract/release/releases';
import { MANIFEST_FILE } from '../../contract/release/store-layout';
import { readReleasesOrFail } from '../read-releases';
import { describeDivergence } from '../../conformance/trace/describe-divergence';
import { addReleaseTrace, traceFileOf } from '../../conformance/trace/release-trace';
import { recordBinaryResults } from '../../conformance/binary/record-binary-results';
import { replayTrace } from '../../conformance/trace/replay-trace';
import { readTrace } from '../../conformance/trace/trace-file';
import { EXIT_BREAKING, EXIT_OK, type Command, type CommandContext } from '../command';
import { formatOption, selectedFormat } from '../shared-options';
import { configOption } from '../targets';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;

interface ReleaseReplay {
  readonly version: string;
  readonly verdict: 'pass' | 'fail' | 'missing';
  readonly sessions?: number;
  readonly steps?: number;
  readonly ioctls?: number;
  /** The first divergent call, both answers side by side (text). */
  readonly divergence?: string;
}

function selected(ctx: CommandContext, releases: readonly Release[], owner: string): Release[] {
  const version = ctx.values['release'] as string | undefined;
  return version === undefined ? [...releases] : [releaseNamed(releases, version, owner)];
}

export const traceCommand: Command = {
  name: 'trace',
  summary: COMMAND_SUMMARIES['trace'],
  synopsis: '[<uapi>] [--release V] [--record] [--format text|json]',
  positionals: [0, 1],
  options: {
    release: { type: 'string', valueName: 'V', description: 'only the trace of release V' },
    record: { type: 'boolean', description: 'record a trace for each release that has none (never rewrites one) instead of replaying' },
    format: formatOption(FORMATS),
    config: configOption,
  },
  details: [
    'A release\'s trace (snapshots/<uapi>/<version>/trace.json) holds every call the release\'s userspace made',
    'in its suite run (fixed seed) and every answer, bytes in hex. Replaying makes the same calls on a fresh',
    'core of the working spec and demands the same answers; the first divergent call is printed with both',
    'answers side by side. --record writes the trace of releases frozen without one, made on the working',
    'spec\'s core (uapi release records it when it freezes a version), before such an old release is sealed',
    'with uapi release --manifest (a sealed release is never completed afterwards). --format json prints',
    '{"releases":[{"version","verdict","sessions","steps","ioctls","divergence"}]}. Exit 1 when a trace diverges.',
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    const t = await suiteTarget(ctx, ctx.positionals[0]);
    // Recording completes a release frozen before traces and manifests existed, before it is sealed.
    const releases = readReleasesOrFail(ctx, t.snapshotsRoot, t.spec.name, { unsealed: ctx.values['record'] === true });
    const chosen = selected(ctx, releases, `${t.spec.name} in ${t.snapshotsRoot}`);
    if (ctx.values['record'] === true) {
      const missing = chosen.filter((r) => !fs.existsSync(traceFileOf(r.dir)));
      // A sealed release is complete as its manifest lists it: a trace added now would be a rewrite.
      const sealed = missing.filter((r) => r.sealed === true);
      if (sealed.length > 0) throw new UserError(sealed.map((r) => issue('TRACE_SEALED', `${r.spec.name} ${r.version}`, `the release was sealed without a trace (its ${MANIFEST_FILE} lists every file) and is never rewritten: its userspace is still checked by the cross-version step of uapi check`, { file: path.relative(ctx.io.cwd, path.join(r.dir, MANIFEST_FILE)), line: 1, col: 1 })));
      for (const r of missing) {
        const w = addReleaseTrace(r, t.spec);
        if (w.written === undefined) throw new UserError(w.issues);
        ctx.io.out(`recorded ${path.relative(ctx.io.cwd, w.written)}\n`);
      }
      if (missing.length === 0) ctx.io.out(`every release of ${t.spec.name} has a trace; nothing to record\n`);
      // The golden results of the C suite live beside the releases, never in them, so sealing does not matter.
      const b = recordBinaryResults(t.spec, chosen, t.snapshotsRoot);
      for (const w of b.written) ctx.io.out(`recorded ${path.relative(ctx.io.cwd, w)}\n`);
      for (const s of b.skipped) ctx.io.err(`warning: binary results not recorded for ${s.path}: ${s.message.split('\n')[0]}\n`);
      if (b.issues.length > 0) throw new UserError(b.issues);
      return EXIT_OK;
    }
    const results: ReleaseReplay[] = [];
    for (const r of chosen) {
      const file = traceFileOf(r.dir);
      if (!fs.existsSync(file)) {
        results.push({ version: r.version, verdict: 'missing' });
        continue;
      }
      const read = readTrace(file);
      if (read.trace === undefined) throw new UserError(read.issues);
      const x = replayTrace(read.trace, t.spec);
      const base = { version: r.version, sessions: x.sessions, steps: x.steps, ioctls: x.ioctls };
      results.push(x.divergence === undefined ? { ...base, verdict: 'pass' } : { ...base, verdict: 'fail', divergence: describeDivergence(read.trace, r.spec, x.divergence) });
    }
    if (format === 'json') ctx.io.out(`${dataToJson({ releases: results })}\n`);
    else {
      for (const x of results) {
        if (x.verdict === 'missing') ctx.io.out(`MISSING ${x.version}: no trace.json (record it with npx uapi trace --record)\n`);
        else if (x.verdict === 'pass') ctx.io.out(`PASS ${x.version}: ${x.sessions} sessions, ${x.steps} steps, ${x.ioctls} ioctls answered as recorded\n`);
        else ctx.io.out(`FAIL ${x.version}\n${x.divergence ?? ''}\n`);
      }
      if (results.length === 0) ctx.io.out(`${t.spec.name} has no frozen release\n`);
    }
    return results.some((x) => x.verdict === 'fail') ? EXIT_BREAKING : EXIT_OK;
  },
};
