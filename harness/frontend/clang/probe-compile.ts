import * as path from 'node:path';
import type { Abi } from '../../core/layout/abi';
import type { ClangInvocation, ClangRun, ClangTool } from './clang-tool';
import { fileDigest, sha256 } from './content-cache';
import { parseDiagnostics, type ClangDiagnostic } from './diagnostics';
import type { FileMemo } from './file-memo';
import { includeSearch } from './include-closure';
import { SYSTEM_INCLUDE_DIR, targetIncludeDirs } from './target-includes';
import { PROBE_FILE } from './clang-tool';

export { PROBE_FILE };

/**
 * A generated C file compiled for one ABI. Whatever clang reports about the probe's own lines
 * carries the file name {@link PROBE_FILE} (each ClangTool renames its main file so).
 */
export interface ProbeRequest {
  readonly abi: Abi;
  /** The probe text. */
  readonly body: string;
  /** The user's `-I` folders. */
  readonly includeDirs: readonly string[];
  readonly args: readonly string[];
  /** See {@link ClangInvocation.lastDeclaration}. */
  readonly lastDeclaration?: string;
  /** The clang's own header folder on the host ({@link ClangTool.resourceIncludeDir}), searched before the system folder. */
  readonly resourceIncludeDir?: string | undefined;
}

export interface PreparedProbe {
  readonly request: ProbeRequest;
  readonly source: string;
  readonly searchDirs: readonly string[];
  readonly hostFiles: readonly string[];
  /** Hash of everything the result depends on: text, options, every file it may include. */
  readonly digest: string;
  /** `#include` names no search folder has: clang may stop at one with a fatal error. */
  readonly missingIncludes: readonly string[];
}

export interface ProbeResult {
  readonly run: ClangRun;
  readonly diagnostics: readonly ClangDiagnostic[];
}

function digestOf(request: ProbeRequest, searchDirs: readonly string[], hostFiles: readonly string[], memo?: FileMemo): string {
  return sha256(JSON.stringify({
    triple: request.abi.triple,
    args: request.args,
    searchDirs,
    source: request.body,
    files: hostFiles.map((f) => [f, memo !== undefined ? memo.digest(f) : fileDigest(f)]),
  }));
}

/**
 * Where clang's own headers go in the search order: before the system folder (whose libc headers are
 * the host's: glibc's stdint.h needs bits/ headers only the host's multiarch folder has, so it compiles
 * for x86_64 alone), after every other one. Compiles are freestanding (see clang-tool.ts), so clang's
 * stdint.h and limits.h define their types for the target themselves: `uint64_t` is `unsigned long
 * long` on i386, arm and mips, as their C libraries have it.
 */
export function withResourceDir(dirs: readonly string[], resource: string | undefined): string[] {
  if (resource === undefined) return [...dirs];
  const system = dirs.indexOf(path.resolve(SYSTEM_INCLUDE_DIR));
  return system < 0 ? [...dirs, resource] : [...dirs.slice(0, system), resource, ...dirs.slice(system)];
}

/** Finds what a probe may include and hashes it; `memo` shares that work between the probes of a batch. */
export function prepareProbe(request: ProbeRequest, memo?: FileMemo): PreparedProbe {
  const source = request.body;
  const resource = request.resourceIncludeDir;
  const dirs = (): string[] => withResourceDir(targetIncludeDirs(request.abi, request.includeDirs), resource);
  const searchDirs = memo !== undefined ? memo.once(JSON.stringify(['searchDirs', request.abi.name, request.includeDirs, resource]), dirs) : dirs();
  const { files: hostFiles, missing } = includeSearch(source, undefined, searchDirs, memo);
  return { request, source, searchDirs, hostFiles, digest: digestOf(request, searchDirs, hostFiles, memo), missingIncludes: missing };
}

/**
 * Another probe with the same ABI and folders whose `#include` lines are exactly those of `base` (the
 * same header): the files it may read are the same, so they are not searched for again.
 */
export function prepareVariant(base: PreparedProbe, body: string, args: readonly string[], lastDeclaration?: string): PreparedProbe {
  const request: ProbeRequest = {
    abi: base.request.abi, includeDirs: base.request.includeDirs, body, args, resourceIncludeDir: base.request.resourceIncludeDir,
    ...(lastDeclaration !== undefined ? { lastDeclaration } : {}),
  };
  return { request, source: body, searchDirs: base.searchDirs, hostFiles: base.hostFiles, digest: digestOf(request, base.searchDirs, base.hostFiles), missingIncludes: base.missingIncludes };
}

function invocationOf(p: PreparedProbe): ClangInvocation {
  return {
    triple: p.request.abi.triple,
    includeDirs: p.searchDirs,
    args: ['-w', ...p.request.args],
    source: p.source,
    hostFiles: p.hostFiles,
    ...(p.request.lastDeclaration !== undefined ? { lastDeclaration: p.request.lastDeclaration } : {}),
  };
}

export async function runProbe(tool: ClangTool, p: PreparedProbe): Promise<ProbeResult> {
  const run = await tool.run(invocationOf(p));
  return { run, diagnostics: parseDiagnostics(run.stderr) };
}

/**
 * Several probes; each result is what {@link runProbe} gives, but the tool may share processes between
 * them. Probes that may stop at a missing include go last: a process that serves many probes says
 * nothing more after a fatal error, and the probes after one have to be compiled again.
 */
export async function runProbes(tool: ClangTool, probes: readonly PreparedProbe[]): Promise<ProbeResult[]> {
  let runs: ClangRun[];
  if (tool.runMany !== undefined) {
    const order = probes.map((p, i) => ({ p, i })).sort((a, b) => Number(a.p.missingIncludes.length > 0) - Number(b.p.missingIncludes.length > 0) || a.i - b.i);
    const ordered = await tool.runMany(order.map((o) => invocationOf(o.p)));
    runs = new Array<ClangRun>(probes.length);
    order.forEach((o, k) => { runs[o.i] = ordered[k] as ClangRun; });
  } else {
    runs = [];
    for (const p of probes) runs.push(await tool.run(invocationOf(p)));
  }
  return runs.map((run) => ({ run, diagnostics: parseDiagnostics(run.stderr) }));
}

/** Whether a diagnostic is about the probe's own text (rather than a header it includes). */
export function isProbeDiagnostic(d: ClangDiagnostic): boolean {
  return d.loc?.file === PROBE_FILE;
}

/** The absolute spelling used to include a header from a probe. */
export function includeLine(header: string): string {
  return `#include "${path.resolve(header).replace(/\\/g, '/')}"`;
}
