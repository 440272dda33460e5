import { kernelInternalFallbacks } from '../clang/kernel-internal-macros';
import { includeLine } from '../clang/probe-compile';
import type { MacroCandidate } from './macro-candidates';

/** Names the probe gives its declarations; the importer finds them again in clang's AST. */
export const valueName = (i: number): string => `__uapi_v${i}`;
export const shapeName = (i: number): string => `__uapi_k${i}`;
export const fallbackName = (i: number): string => `__uapi_w${i}`;
export const VALUE_NAME = /^__uapi_v(\d+)$/;
export const FALLBACK_NAME = /^__uapi_w(\d+)$/;
export const SHAPE_NAME = /^__uapi_k(\d+)$/;
export const IOC_TYPED = '__uapi_ioc';
/** An enumerator the probe declares when the header (with what it includes) defines no `_IOC`. */
export const NO_IOC_NAME = '__uapi_no_ioc';
const NO_IOC_LINES = `#ifndef _IOC\nenum { ${NO_IOC_NAME} = 0 };\n#endif`;
export const IOC_SIZED = '__uapi_ioc_sized';

/** The macros the shape section redefines: a candidate has a shape only when its expansion reaches one (ioctl-reach.ts). */
export const IOC_MACROS: readonly string[] = ['_IO', '_IOR', '_IOW', '_IOWR', '_IOC', '_IOR_BAD', '_IOW_BAD', '_IOWR_BAD', '_IOC_NONE', '_IOC_READ', '_IOC_WRITE'];

/** Direction codes the probe's own `_IO*` use (not any architecture's). */
export const PROBE_DIR = { none: 0, w: 1, r: 2, rw: 3 } as const;

const valueLineText = (c: MacroCandidate, i: number): string => `enum { ${valueName(i)} = (${c.name}) };`;
const fallbackLineText = (c: MacroCandidate, i: number): string => `enum { ${fallbackName(i)} = (${c.name}) };`;

/**
 * The shape section for candidates `from`..`to`-1 (those of `only`, when given), appended to `lines`:
 * `_IO*` redefined to build types, one typedef per candidate, `_IO*` restored. A loop, not a spread:
 * a 10 MB header gives more lines than a call may take as arguments.
 */
function pushShapeSection(lines: string[], candidates: readonly MacroCandidate[], from = 0, to = candidates.length, only?: ReadonlySet<number>): void {
  for (const m of IOC_MACROS) lines.push(`#pragma push_macro("${m}")`);
  for (const m of IOC_MACROS) lines.push(`#undef ${m}`);
  lines.push(
    `struct ${IOC_TYPED};`,
    `struct ${IOC_SIZED};`,
    `#define _IOC_NONE ${PROBE_DIR.none}U`,
    `#define _IOC_WRITE ${PROBE_DIR.w}U`,
    `#define _IOC_READ ${PROBE_DIR.r}U`,
    `#define _IOC(d, t, n, s) ((struct ${IOC_SIZED} (*)(char (*)[(d) + 1], char (*)[(unsigned char)(t) + 1], char (*)[(n) + 1], char (*)[(s) + 1]))0)`,
    `#define __UAPI_IOC_T(d, t, n, T) ((struct ${IOC_TYPED} (*)(char (*)[(d) + 1], char (*)[(unsigned char)(t) + 1], char (*)[(n) + 1], __typeof__(T) *))0)`,
    `#define _IO(t, n) __UAPI_IOC_T(${PROBE_DIR.none}, t, n, void)`,
    `#define _IOR(t, n, T) __UAPI_IOC_T(${PROBE_DIR.r}, t, n, T)`,
    `#define _IOW(t, n, T) __UAPI_IOC_T(${PROBE_DIR.w}, t, n, T)`,
    `#define _IOWR(t, n, T) __UAPI_IOC_T(${PROBE_DIR.rw}, t, n, T)`,
    `#define _IOR_BAD(t, n, T) _IOR(t, n, T)`,
    `#define _IOW_BAD(t, n, T) _IOW(t, n, T)`,
    `#define _IOWR_BAD(t, n, T) _IOWR(t, n, T)`,
  );
  for (let i = from; i < to; i++) if (only === undefined || only.has(i)) lines.push(`typedef __typeof__(${(candidates[i] as MacroCandidate).name}) ${shapeName(i)};`);
  for (const m of IOC_MACROS) lines.push(`#pragma pop_macro("${m}")`);
}

/**
 * The import probe: the header, then two declarations per candidate macro, one per line, so a
 * diagnostic's line tells which macro it is about (probe line 1 is the #include).
 *
 * 1. `enum { __uapi_vN = (M) };` with the header's own macros: clang evaluates M if it is an
 *    integer constant expression (its value is in the AST).
 * 2. `enum { __uapi_wN = (M) };` again, after defining the kernel-internal macros (BIT, SZ_1M...)
 *    the header did not define: a value only this gives is one userspace cannot compile.
 * 3. `typedef __typeof__(M) __uapi_kN;` after redefining the `_IO*` macros. Macros expand where
 *    they are used, so an ioctl definition (through any wrapper, e.g. `DRM_IOWR(DRM_COMMAND_BASE + 1,
 *    T)`) now yields a function pointer type that records direction, type byte and nr as array
 *    sizes and the argument type as a parameter: clang has evaluated every part and names the type.
 */
export function importProbe(header: string, candidates: readonly MacroCandidate[]): string {
  const lines = [includeLine(header)];
  candidates.forEach((c, i) => lines.push(valueLineText(c, i)));
  lines.push(NO_IOC_LINES);
  lines.push(kernelInternalFallbacks());
  candidates.forEach((c, i) => lines.push(fallbackLineText(c, i)));
  pushShapeSection(lines, candidates);
  return lines.join('\n') + '\n';
}

/** A probe of a two-pass import and, per candidate whose value it asks for, the line of that declaration. */
export interface PassProbe {
  readonly text: string;
  readonly valueLines: ReadonlyMap<number, number>;
}

/** The header's include, then one value line per candidate of `values`, with the (1-based) line each is on. */
function valueLinesAfterInclude(header: string, candidates: readonly MacroCandidate[], values: readonly number[]): { lines: string[]; valueLines: Map<number, number> } {
  const lines = [includeLine(header)];
  const valueLines = new Map<number, number>();
  for (const i of values) {
    lines.push(valueLineText(candidates[i] as MacroCandidate, i));
    valueLines.set(i, lines.length);
  }
  return { lines, valueLines };
}

/**
 * Pass 1 of a two-pass import (what {@link importProbe} does, split so that clang dumps less): the
 * header's declarations, the shapes of the candidates in `shapes` (every one when not given; those
 * left out are the ones that cannot have a shape, see ioctl-reach.ts), and the values of the
 * candidates in `values` only (those that do not look like ioctls, whose value the importer needs).
 * Each declaration is written in the same order and the same context as in the one-pass probe,
 * without the fallback values.
 */
export function declarationsProbe(header: string, candidates: readonly MacroCandidate[], values: readonly number[], shapes?: readonly number[]): PassProbe {
  const { lines, valueLines } = valueLinesAfterInclude(header, candidates, values);
  lines.push(NO_IOC_LINES);
  lines.push(kernelInternalFallbacks());
  pushShapeSection(lines, candidates, 0, candidates.length, shapes !== undefined ? new Set(shapes) : undefined);
  return { text: lines.join('\n') + '\n', valueLines };
}

/** The last declaration of a {@link valuesProbe}: it marks where one probe's dump ends in a batch. */
export const END_MARKER = '__uapi_end';

/**
 * Pass 2: the values pass 1 did not give — `values` (candidates deferred as ioctl-like that turned out
 * not to be ioctls) and the fallback values of `fallbacks` — dumped alone with
 * `-ast-dump-filter=__uapi_`, so the header's declarations are not dumped a second time.
 */
export function valuesProbe(header: string, candidates: readonly MacroCandidate[], values: readonly number[], fallbacks: readonly number[]): PassProbe {
  const { lines, valueLines } = valueLinesAfterInclude(header, candidates, values);
  lines.push(kernelInternalFallbacks());
  for (const i of fallbacks) lines.push(fallbackLineText(candidates[i] as MacroCandidate, i));
  lines.push(`enum { ${END_MARKER} = 0 };`);
  return { text: lines.join('\n') + '\n', valueLines };
}

/**
 * Pass 1 of one chunk of a header with too many candidates for one probe (import-chunks.ts): what
 * {@link declarationsProbe} declares for candidates `from`..`to`-1 (`values` among them), each under
 * its own index, after the same include and macro definitions. Dumped with `-ast-dump-filter=__uapi_`:
 * the header's declarations come from a probe of their own. Pass 2 is a {@link valuesProbe}.
 */
export function chunkProbe(header: string, candidates: readonly MacroCandidate[], from: number, to: number, values: readonly number[]): PassProbe {
  const { lines, valueLines } = valueLinesAfterInclude(header, candidates, values);
  lines.push(NO_IOC_LINES);
  lines.push(kernelInternalFallbacks());
  pushShapeSection(lines, candidates, from, to);
  lines.push(`enum { ${END_MARKER} = 0 };`);
  return { text: lines.join('\n') + '\n', valueLines };
}

/** Probe line of the value declaration of candidate `i` (the #include is line 1). */
export const valueLine = (i: number): number => i + 2;
