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
export const IOC_SIZED = '__uapi_ioc_sized';

const IOC_MACROS = ['_IO', '_IOR', '_IOW', '_IOWR', '_IOC', '_IOR_BAD', '_IOW_BAD', '_IOWR_BAD', '_IOC_NONE', '_IOC_READ', '_IOC_WRITE'];

/** Direction codes the probe's own `_IO*` use (not any architecture's). */
export const PROBE_DIR = { none: 0, w: 1, r: 2, rw: 3 } as const;

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
  candidates.forEach((c, i) => lines.push(`enum { ${valueName(i)} = (${c.name}) };`));
  lines.push(kernelInternalFallbacks());
  candidates.forEach((c, i) => lines.push(`enum { ${fallbackName(i)} = (${c.name}) };`));
  lines.push(...IOC_MACROS.map((m) => `#pragma push_macro("${m}")`));
  lines.push(...IOC_MACROS.map((m) => `#undef ${m}`));
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
  candidates.forEach((c, i) => lines.push(`typedef __typeof__(${c.name}) ${shapeName(i)};`));
  lines.push(...IOC_MACROS.map((m) => `#pragma pop_macro("${m}")`));
  return lines.join('\n') + '\n';
}

/** Probe line of the value declaration of candidate `i` (the #include is line 1). */
export const valueLine = (i: number): number => i + 2;
