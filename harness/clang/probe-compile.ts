import * as path from 'node:path';
import type { Abi } from '../layout/abi';
import type { ClangRun, ClangTool } from './clang-tool';
import { fileDigest, sha256 } from './content-cache';
import { parseDiagnostics, type ClangDiagnostic } from './diagnostics';
import { includeClosure } from './include-closure';
import { targetIncludeDirs } from './target-includes';
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
}

export interface PreparedProbe {
  readonly request: ProbeRequest;
  readonly source: string;
  readonly searchDirs: readonly string[];
  readonly hostFiles: readonly string[];
  /** Hash of everything the result depends on: text, options, every file it may include. */
  readonly digest: string;
}

export interface ProbeResult {
  readonly run: ClangRun;
  readonly diagnostics: readonly ClangDiagnostic[];
}

export function prepareProbe(request: ProbeRequest): PreparedProbe {
  const source = request.body;
  const searchDirs = targetIncludeDirs(request.abi, request.includeDirs);
  const hostFiles = includeClosure(source, undefined, searchDirs);
  const digest = sha256(JSON.stringify({
    triple: request.abi.triple,
    args: request.args,
    searchDirs,
    source,
    files: hostFiles.map((f) => [f, fileDigest(f)]),
  }));
  return { request, source, searchDirs, hostFiles, digest };
}

export async function runProbe(tool: ClangTool, p: PreparedProbe): Promise<ProbeResult> {
  const run = await tool.run({
    triple: p.request.abi.triple,
    includeDirs: p.searchDirs,
    args: ['-w', ...p.request.args],
    source: p.source,
    hostFiles: p.hostFiles,
  });
  return { run, diagnostics: parseDiagnostics(run.stderr) };
}

/** Whether a diagnostic is about the probe's own text (rather than a header it includes). */
export function isProbeDiagnostic(d: ClangDiagnostic): boolean {
  return d.loc?.file === PROBE_FILE;
}

/** The absolute spelling used to include a header from a probe. */
export function includeLine(header: string): string {
  return `#include "${path.resolve(header).replace(/\\/g, '/')}"`;
}
