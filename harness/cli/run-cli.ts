import { parseArgs } from 'node:util';
import { formatIssue } from '../core/diagnostics/format';
import { UserError } from '../core/diagnostics/user-error';
import { EXIT_USAGE, type Command, type Io } from './command';
import { COMMAND_TABLE } from './commands';
import { commandHelp, mainHelp } from './help';
import { progressWanted, showImportProgress } from './import-progress-line';

/** Runs `uapi <argv...>` and returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(mainHelp(COMMAND_TABLE));
    return name === undefined ? EXIT_USAGE : 0;
  }
  // Only the named command's module is loaded (see commands/index.ts).
  const entry = COMMAND_TABLE.find((c) => c.name === name);
  if (entry === undefined) {
    io.err(`uapi: unknown command '${name}'. Commands: ${COMMAND_TABLE.map((c) => c.name).join(', ')}.\n`);
    return EXIT_USAGE;
  }
  const command = entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    io.err(`uapi ${command.name}: ${(e as Error).message}\n${usageHint(command)}`);
    return EXIT_USAGE;
  }
  const [min, max] = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    io.err(`uapi ${command.name}: expected ${want} argument(s), got ${parsed.positionals.length}\n${usageHint(command)}`);
    return EXIT_USAGE;
  }
  const stopProgress = io.progress !== undefined && progressWanted(parsed.values) ? showImportProgress(io.progress) : undefined;
  try {
    return await command.run({ io, values: parsed.values, positionals: parsed.positionals, debug });
  } catch (e) {
    if (e instanceof UserError) {
      for (const i of e.issues) io.err(`${formatIssue(i)}\n`);
      return EXIT_USAGE;
    }
    const err = e as Error;
    io.err(debug ? `${err.stack ?? String(err)}\n` : `uapi ${command.name}: internal error: ${err.message} (run with --debug for details)\n`);
    return EXIT_USAGE;
  } finally {
    stopProgress?.();
  }
}

function usageHint(c: Command): string {
  return `usage: uapi ${c.name} ${c.synopsis}\nRun 'uapi ${c.name} --help' for options.\n`;
}

/** The process's own streams. */
export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY === true,
    progress: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  };
}
