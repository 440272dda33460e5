/**
 * One way of running clang: the native binary or clang compiled to WebAssembly. Both take the same
 * structured invocation, so callers never build argv themselves and never see where files live
 * (the WebAssembly build reads a virtual file tree; host paths are mapped in and out of it).
 */
export interface ClangInvocation {
  /** clang `--target=` triple. */
  readonly triple: string;
  /** Include directories in search order (absolute paths). The compile uses no default ones. */
  readonly includeDirs: readonly string[];
  /** Further driver arguments (no paths in them). */
  readonly args: readonly string[];
  /** The C text to compile (the main file). */
  readonly source: string;
  /** Every host file the compile may read (absolute paths); the WebAssembly build needs them listed. */
  readonly hostFiles: readonly string[];
  /**
   * With `-ast-dump-filter`, clang prints one document per matching declaration and nothing marks
   * where one input's documents end. A source whose last matching declaration has this name lets a
   * tool that compiles many sources in one process tell their documents apart.
   */
  readonly lastDeclaration?: string;
}

/** The file name clang's output gives the main file (the probe), whichever tool ran. */
export const PROBE_FILE = '<uapi-probe>';

/** Replaces every mention of a tool's own name for the main file with {@link PROBE_FILE}. */
export function renameMainFile(text: string, name: string): string {
  return text.replaceAll(name, () => PROBE_FILE);
}

export interface ClangRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /**
   * Standard output as the bytes clang wrote, when the tool has them, with the name clang gave the
   * main file in them (`stdout` is these bytes decoded, that name replaced by {@link PROBE_FILE}).
   * A reader that works on bytes can leave undecoded the hundreds of megabytes of a dump it skips.
   */
  readonly bytes?: { readonly data: Buffer; readonly mainFile: string };
}

export interface ClangTool {
  readonly kind: 'native' | 'wasm';
  /** For messages and reports, e.g. `clang 14.0.6 (/usr/bin/clang)`. */
  readonly description: string;
  /**
   * Stands for the clang build in cache keys: results computed by another clang are not reused. Known
   * without running clang (the binary's path, size and time; the package's version).
   */
  readonly identity: string;
  /**
   * The folder of clang's own freestanding headers (stddef.h, stdarg.h, stdbool.h, stdint.h...) on
   * the host, which `-nostdinc` leaves out; callers search it before the system folder (see probe-compile.ts). Undefined
   * when the tool adds its own (the WebAssembly build has them in its virtual file tree) or has none.
   */
  readonly resourceIncludeDir?: string | undefined;
  run(invocation: ClangInvocation): Promise<ClangRun>;
  /**
   * Several invocations at once, results in order, each exactly as {@link run} gives it. A tool may
   * share work between them (one process for many); without this, callers run them one by one.
   */
  runMany?(invocations: readonly ClangInvocation[]): Promise<ClangRun[]>;
}

/**
 * Arguments shared by every compile: C only, no default include paths, freestanding (a uAPI header is
 * compiled without the target's C library: clang's own stdint.h and limits.h stand for it), diagnostics
 * easy to parse.
 */
export function commonArgs(inv: ClangInvocation, includeDirs: readonly string[]): string[] {
  return [
    `--target=${inv.triple}`,
    '-nostdinc',
    '-ffreestanding',
    '-fsyntax-only',
    '-ferror-limit=0',
    '-fno-caret-diagnostics',
    '-fno-color-diagnostics',
    '-fno-diagnostics-show-option',
    ...includeDirs.flatMap((d) => ['-I', d]),
    ...inv.args,
  ];
}
