import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commonArgs, renameMainFile, type ClangInvocation, type ClangRun } from './clang-tool';
import { BytesRun } from './bytes-run';
import { runProgram } from './run-program';
import { runToFile } from './spawner';

// Starting clang costs about as much as compiling a small header (its shared libraries are large), so
// many probes are compiled by one `clang -cc1` process: cc1 takes several input files and handles them
// one after another, each as its own translation unit with its own preprocessor, AST and dump. The
// results are split back per input and must be exactly what one `clang` run per probe gives; where that
// cannot be established the probes are compiled one by one instead.

/** Inputs per cc1 process: bounds its output (one AST dump per input) and the work redone on a fallback. */
export const BATCH_SIZE = 48;

/** The cc1 command line the driver builds for an invocation (input `-`), cached per program and options. */
const cc1Lines = new Map<string, Promise<string[] | undefined>>();

const QUOTED_ARG = /"((?:[^"\\]|\\.)*)"/g;

/** The arguments of one line of `clang -###` output (each quoted, `"`, `\` and `$` escaped). */
export function parseDriverLine(line: string): string[] {
  return [...line.matchAll(QUOTED_ARG)].map((m) => (m[1] as string).replace(/\\(.)/g, '$1'));
}

async function cc1Line(program: string, inv: ClangInvocation): Promise<string[] | undefined> {
  const key = JSON.stringify([program, inv.triple, inv.includeDirs, inv.args]);
  let line = cc1Lines.get(key);
  if (line === undefined) {
    line = (async () => {
      const r = await runProgram(program, ['-###', ...commonArgs(inv, inv.includeDirs), '-x', 'c', '-'], '');
      if (r.exitCode !== 0) return undefined;
      const jobs = r.stderr.split('\n').filter((l) => l.startsWith(' "'));
      const args = jobs.length === 1 ? parseDriverLine(jobs[0] as string) : [];
      // One job, a cc1 one, reading its main file from stdin: anything else is not batched.
      if (args[1] !== '-cc1' || args[args.length - 1] !== '-') return undefined;
      // -disable-free keeps every translation unit's AST until exit; with many inputs, free them.
      return args.slice(0, -1).filter((a) => a !== '-disable-free');
    })();
    cc1Lines.set(key, line);
  }
  return line;
}

/** Where one input's part of a batch's output starts and ends (byte offsets). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/**
 * `clang -cc1 ... -x c f1 f2 ...` prints one JSON AST per input; each starts `{` right where the
 * previous one ends `}`. The output stays bytes until each input's part is taken out of it.
 */
export function splitAstDumps(stdout: Buffer, count: number): Range[] | undefined {
  const ranges: Range[] = [];
  let start = 0;
  for (let at = stdout.indexOf('\n}{\n'); at >= 0; at = stdout.indexOf('\n}{\n', start)) {
    ranges.push({ start, end: at + 2 });
    start = at + 2;
  }
  ranges.push({ start, end: stdout.length });
  return ranges.length === count ? ranges : undefined;
}

/**
 * With `-ast-dump-filter` every matching declaration is its own document and inputs follow each
 * other unmarked; each input's last document is the declaration named `marker`. The documents of
 * one input are exactly what a run on that input alone prints.
 */
export function splitMarkedDumps(stdout: Buffer, count: number, marker: string): Range[] | undefined {
  const needle = `\n  "name": ${JSON.stringify(marker)}`;
  const ranges: Range[] = [];
  let start = 0;
  for (let at = stdout.indexOf(needle); at >= 0; at = stdout.indexOf(needle, start)) {
    const close = stdout.indexOf('\n}\n', at);
    if (close < 0) return undefined;
    ranges.push({ start, end: close + 3 });
    start = close + 3;
  }
  return start === stdout.length && ranges.length === count ? ranges : undefined;
}

/**
 * With `-E`, cc1 prints each input's preprocessed text after the previous one; each starts with the
 * line marker `# 1 "<input file>"` naming its own file, which marks where it begins.
 */
export function splitPreprocessed(stdout: Buffer, files: readonly string[]): Range[] | undefined {
  const starts: number[] = [];
  let from = 0;
  for (const f of files) {
    const needle = `# 1 ${JSON.stringify(f)}\n`;
    const at = stdout.indexOf(needle, from);
    if (at < 0 || (at > 0 && stdout[at - 1] !== 0x0a) || (starts.length === 0 && at !== 0)) return undefined;
    starts.push(at);
    from = at + needle.length;
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? stdout.length }));
}

/**
 * Runs a program with its standard output going to a file (a pipe would make clang wait for this
 * process to read every 64 KiB of a dump of hundreds of megabytes) and returns that output as bytes,
 * to be decoded a part at a time, and its errors as text.
 */
async function runDumpToFile(program: string, args: readonly string[], outFile: string): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
  const r = await runToFile(program, args, undefined, outFile);
  return { exitCode: r.exitCode, stdout: r.exitCode === 127 && !fs.existsSync(outFile) ? Buffer.alloc(0) : fs.readFileSync(outFile), stderr: r.stderr };
}

const INCLUDED_FROM = 'In file included from ';

/**
 * clang's diagnostics of a batch, attributed to the input they belong to. Every input's first
 * diagnostic names its main file: directly, or through the include stack, which clang prints afresh
 * for each input. Lines before any input is named, or diagnostics without a location, cannot be
 * attributed for sure: then the result is undefined.
 */
export function splitDiagnostics(stderr: string, files: readonly string[]): { lines: string[][]; fatal: number } | undefined {
  const lines = files.map((): string[] => []);
  let current = -1;
  let fatal = -1;
  for (const line of stderr.split('\n')) {
    if (line === '') continue;
    const text = line.startsWith(INCLUDED_FROM) ? line.slice(INCLUDED_FROM.length) : line;
    const named = files.findIndex((f) => text.startsWith(`${f}:`));
    if (named >= 0) current = named;
    else if (!/^[^:]+:\d+:\d+: /.test(text) && !line.startsWith(INCLUDED_FROM)) return undefined;
    if (current < 0) return undefined;
    (lines[current] as string[]).push(line);
    if (fatal < 0 && / fatal error: /.test(line)) fatal = current;
  }
  return { lines, fatal };
}

/**
 * Compiles invocations that differ only in their source (same triple, folders, arguments) with as few
 * clang processes as possible. Each result is what {@link NativeClang.run} gives for that invocation:
 * its AST dump alone, its own diagnostics, exit code 1 when it had an error. Inputs after one that hit a
 * fatal error are compiled again (clang stays silent after a fatal error); a batch whose output cannot
 * be split with certainty is compiled again one invocation at a time.
 */
export async function runBatched(
  program: string,
  invocations: readonly ClangInvocation[],
  runOne: (inv: ClangInvocation) => Promise<ClangRun>,
): Promise<ClangRun[]> {
  const first = invocations[0];
  if (invocations.length < 2 || first === undefined) return Promise.all(invocations.map(runOne));
  const same = JSON.stringify([first.triple, first.includeDirs, first.args, first.lastDeclaration]);
  if (invocations.some((i) => JSON.stringify([i.triple, i.includeDirs, i.args, i.lastDeclaration]) !== same)) {
    const out: ClangRun[] = [];
    for (const inv of invocations) out.push(await runOne(inv));
    return out;
  }
  const cc1 = await cc1Line(program, first);
  if (cc1 === undefined) {
    const out: ClangRun[] = [];
    for (const inv of invocations) out.push(await runOne(inv));
    return out;
  }
  const results: ClangRun[] = [];
  for (let start = 0; start < invocations.length;) {
    const chunk = invocations.slice(start, start + BATCH_SIZE);
    const done = await runChunk(cc1, chunk, runOne);
    results.push(...done);
    start += done.length;
  }
  return results;
}

/** One cc1 process over a chunk; returns the results of a prefix of the chunk (at least one). */
async function runChunk(cc1: readonly string[], chunk: readonly ClangInvocation[], runOne: (inv: ClangInvocation) => Promise<ClangRun>): Promise<ClangRun[]> {
  if (chunk.length === 1) return [await runOne(chunk[0] as ClangInvocation)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uapi-clang-batch-'));
  try {
    const files = chunk.map((inv, i) => {
      const f = path.join(dir, `probe-${String(i).padStart(4, '0')}.c`);
      fs.writeFileSync(f, inv.source);
      return f;
    });
    const r = await runDumpToFile(cc1[0] as string, [...cc1.slice(1), ...files], path.join(dir, 'dump.json'));
    const marker = chunk[0]?.lastDeclaration;
    const diagnostics = splitDiagnostics(r.stderr, files);
    // After a fatal error cc1 preprocesses nothing more: only the inputs up to it have output.
    const printed = diagnostics !== undefined && diagnostics.fatal >= 0 ? diagnostics.fatal + 1 : files.length;
    const dumps = cc1.includes('-E') ? splitPreprocessed(r.stdout, files.slice(0, printed))
      : marker !== undefined ? splitMarkedDumps(r.stdout, files.length, marker) : splitAstDumps(r.stdout, files.length);
    const namesOwnFile = (d: Range, i: number): boolean => r.stdout.subarray(d.start, d.end).lastIndexOf(JSON.stringify(files[i])) >= 0;
    if (dumps === undefined || diagnostics === undefined || !dumps.every(namesOwnFile)) {
      const out: ClangRun[] = [];
      for (const inv of chunk) out.push(await runOne(inv));
      return out;
    }
    const kept = diagnostics.fatal >= 0 ? diagnostics.fatal + 1 : files.length;
    return files.slice(0, kept).map((f, i) => {
      const lines = diagnostics.lines[i] as string[];
      const hasError = lines.some((l) => / (fatal )?error: /.test(l));
      const range = dumps[i] as Range;
      return new BytesRun(hasError ? 1 : 0, renameMainFile(lines.map((l) => `${l}\n`).join(''), f), r.stdout.subarray(range.start, range.end), f);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
