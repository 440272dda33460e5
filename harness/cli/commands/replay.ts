import * as path from 'node:path';
import { MUTATION_IDS, parseMutations, type MutationId } from '../../../emulator/mutations';
import { findAbi, type Abi } from '../../core/layout/abi';
import { issue } from '../../core/diagnostics/issue';
import { UserError } from '../../core/diagnostics/user-error';
import { clientSpecOf, intOption, mutationOption, releaseOption, suiteTarget } from '../suite-target';
import { findProperty, SUITE } from '../../conformance/pbt/properties/catalogue';
import { replayFailure } from '../../conformance/pbt/run/corpus';
import { dataToJson } from '../../conformance/pbt/run/data-json';
import { checkCounterexample, FAILURE_FORMAT, readFailureFile, type FailureFile } from '../../conformance/pbt/run/failure-file';
import type { PropertyOutcome } from '../../conformance/pbt/run/run-property';
import { EXIT_BREAKING, EXIT_OK, type Command, type CommandContext } from '../command';
import { formatOption, selectedFormat } from '../shared-options';
import { configOption } from '../targets';
import { backendOptions } from '../backend-option';
import { COMMAND_SUMMARIES } from './summaries';

const FORMATS = ['text', 'json'] as const;

/** The failure the command line names: a failure file, or --property/--abi/--seed/--path. */
function failureFromOptions(ctx: CommandContext, specName: string): FailureFile {
  const property = ctx.values['property'] as string | undefined;
  const abi = (ctx.values['abi'] as string | undefined) ?? 'x86_64';
  const seed = intOption(ctx, 'seed', -(2 ** 31));
  const missing = [property === undefined ? '--property' : '', seed === undefined ? '--seed' : ''].filter((x) => x !== '');
  if (missing.length > 0) throw new UserError([issue('USAGE_REPLAY', missing.join(', '), 'replay needs a failure file, or --property, --seed and --path (as a failure prints them)')]);
  if (findProperty(property as string) === undefined) throw new UserError([issue('USAGE_PROPERTY', '--property', `no property ${property ?? ''}; the suite has: ${SUITE.map((p) => p.id).join(', ')}`)]);
  for (const [opt, name] of [['--abi', abi], ['--mirror', ctx.values['mirror'] as string | undefined]] as const) {
    if (name !== undefined && findAbi(name) === undefined) throw new UserError([issue('USAGE_ABI', opt, `unknown ABI ${name}`)]);
  }
  const mirror = ctx.values['mirror'] as string | undefined;
  const p = ctx.values['path'] as string | undefined;
  const rp = ctx.values['replay-path'] as string | undefined;
  return {
    format: FAILURE_FORMAT, property: property as string, spec: specName, abi, ...(mirror !== undefined ? { mirror } : {}),
    mutations: mutationOption(ctx, false), seed: seed as number, ...(p !== undefined ? { path: p } : {}), ...(rp !== undefined ? { replayPath: rp } : {}),
  };
}

function text(o: PropertyOutcome, f: FailureFile): string {
  const what = `${o.name} seed ${f.seed}${f.path !== undefined ? ` path ${f.path}` : ''}${f.mutations.length > 0 ? ` with mutation ${f.mutations.join(', ')}` : ''}`;
  if (o.verdict === 'pass') return `PASS ${what}: the failure does not reproduce\n`;
  if (o.verdict === 'skip') return `SKIP ${what}: ${o.message ?? ''}\n`;
  const ce = o.counterexample !== undefined ? `\ncounterexample: ${dataToJson(o.counterexample, 0)}` : '';
  return `FAIL ${what}\n${o.message ?? ''}${ce}\n`;
}

export const replayCommand: Command = {
  name: 'replay',
  summary: COMMAND_SUMMARIES['replay'],
  synopsis: '[<uapi>] <failure-file.json> | [<uapi>] [--release V] --property ID --seed N --path P [--abi A] [--mirror B] [--replay-path R] [--mutation M]... [--backend emulated|native] [--device PATH] [--format text|json]',
  positionals: [0, 2],
  options: {
    property: { type: 'string', valueName: 'ID', description: 'property id, as the failure names it (D1/nonzero-pad-rejected, model/command-sequences, ...)' },
    seed: { type: 'string', valueName: 'N', description: 'fast-check seed of the failing run' },
    path: { type: 'string', valueName: 'P', description: 'fast-check shrink path of the counterexample' },
    'replay-path': { type: 'string', valueName: 'R', description: 'fast-check replay path of a stateful (command sequence) property' },
    abi: { type: 'string', valueName: 'A', description: 'ABI of the calling process (default x86_64)' },
    mirror: { type: 'string', valueName: 'B', description: 'second ABI of a pair-wise property (i386)' },
    mutation: { type: 'string', multiple: true, valueName: 'M', description: 'emulator mutation the failure was found with (repeatable)' },
    release: { ...releaseOption, description: 'the failure was found with the userspace of frozen release V (a cross-version step of uapi check)' },
    ...backendOptions,
    format: formatOption(FORMATS),
    config: configOption,
  },
  details: [
    'A failure replays on the backend it was found on (the failure file\'s "backend"; --backend for --property runs).',
    'A failure file (written by uapi fuzz, or kept in snapshots/<uapi>/regressions/) holds the shrunk',
    'counterexample itself, which replays exactly even after the generators change; --seed/--path replay',
    'through fast-check and need the same generators. Exit 1 when the failure reproduces, 0 when it no longer does.',
    'The file is checked whole before it runs (format, property, ABIs, mutations, seed, path, and every key and',
    'value of the counterexample against the spec): a damaged file is exit 2 naming the key and its line.',
  ].join('\n'),
  async run(ctx) {
    const format = selectedFormat(ctx, FORMATS);
    const file = ctx.positionals.find((p) => p.endsWith('.json'));
    const uapi = ctx.positionals.find((p) => !p.endsWith('.json'));
    // The whole file is checked before anything runs: a damaged one is an error, never a result.
    const r = file !== undefined ? readFailureFile(path.resolve(ctx.io.cwd, file), file) : undefined;
    if (r !== undefined && (r.failure === undefined || r.locate === undefined)) throw new UserError(r.issues);
    // A failure replays on the backend it was found on: the file says which (older files: emulated).
    const found = r?.failure?.backend ?? 'emulated';
    const asked = ctx.values['backend'] as string | undefined;
    if (r?.locate !== undefined && asked !== undefined && asked !== found) {
      throw new UserError([issue('USAGE_BACKEND', '--backend', `the failure was found on the ${found} backend and replays on it, not on ${asked} (leave --backend out)`, r.locate(['backend']))]);
    }
    const t = await suiteTarget(ctx, uapi, found);
    const { client } = clientSpecOf(ctx, t);
    let failure: FailureFile;
    let ids: MutationId[];
    if (file !== undefined && r?.failure !== undefined && r.locate !== undefined) {
      failure = r.failure;
      // A failure of another uAPI names fields and ioctls this one may share by chance: never a result.
      // (Another version of the same uAPI is fine: kept regressions replay on every later version.)
      const foundOn = failure.spec.split(' ')[0];
      if (foundOn !== client.name) throw new UserError([issue('PBT_FAILURE_FILE', 'spec', `the failure was found on ${failure.spec}, not on uAPI ${client.name}: replay it on that uAPI (uapi replay <its spec> ${file})`, r.locate(['spec']))]);
      ids = MUTATION_IDS.filter((id) => failure.mutations.includes(id));
      const abi = findAbi(failure.abi) as Abi;
      const mirror = failure.mirror !== undefined ? findAbi(failure.mirror) : undefined;
      const bad = checkCounterexample(failure, { spec: client, deviceSpec: t.spec, abi, mirror, mutations: ids, counter: { ioctls: 0 }, device: t.device }, file, r.locate);
      if (bad.length > 0) throw new UserError(bad);
    } else {
      failure = { ...failureFromOptions(ctx, `${client.name} ${client.version}`), backend: t.backend };
      const { mutations, unknown } = parseMutations(failure.mutations);
      if (unknown.length > 0) throw new UserError([issue('USAGE_MUTATION', '--mutation', `unknown mutation ${unknown.join(', ')}`)]);
      ids = MUTATION_IDS.filter((id) => mutations[id]);
    }
    const outcome = replayFailure(failure, { spec: client, deviceSpec: t.spec, mutations: ids, counter: { ioctls: 0 }, device: t.device });
    if (outcome === undefined) throw new UserError([issue('USAGE_REPLAY', file ?? '--property', `cannot replay: unknown property ${failure.property} or ABI ${failure.abi}${failure.mirror !== undefined ? `/${failure.mirror}` : ''}`)]);
    if (format === 'json') ctx.io.out(`${dataToJson({ property: failure.property, abi: failure.abi, mirror: failure.mirror, backend: t.backend, seed: failure.seed, path: failure.path, verdict: outcome.verdict, rule: outcome.rule, message: outcome.message, counterexample: outcome.counterexample })}\n`);
    else ctx.io.out(text(outcome, failure));
    return outcome.verdict === 'fail' ? EXIT_BREAKING : EXIT_OK;
  },
};
