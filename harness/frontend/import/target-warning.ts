import { issue, type Issue } from '../../core/diagnostics/issue';
import type { TargetHint } from './target-scan';
import type { ValueHint } from './value-dependence';

/** Why a header is imported per target: its text (a conditional or include), its values, or both. */
export interface TargetReasons {
  readonly hint?: TargetHint | undefined;
  readonly values?: ValueHint | undefined;
}

/**
 * The warning every import of a target-dependent header carries, at the first conditional (or
 * per-target `#include`) that makes it so, else at the first value that depends on the target: which
 * ABIs see other declarations or values than x86_64, and which could not be compiled (they are laid
 * out from the x86_64 variant, as before). Layouts and diffs use each ABI's own variant; a DSL spec
 * written from the header (`uapi import`) cannot express them and holds the x86_64 one.
 */
export function targetWarning(display: string, reasons: TargetReasons, differing: readonly string[], failed: ReadonlyMap<string, string>): Issue {
  const parts: string[] = [];
  const why = [
    ...(reasons.hint !== undefined ? [reasons.hint.what] : []),
    ...(reasons.values !== undefined ? [`${reasons.values.what} depends on ${describe(reasons.values)}`] : []),
  ].join('; ');
  if (differing.length > 0) {
    parts.push(`the header's content depends on the target (${why}): ${differing.join(', ')} differ from x86_64; layouts and diffs use each ABI's own variant, computed by clang for that target; a spec written from it holds the x86_64 one`);
  }
  if (failed.size > 0) {
    const [abi, reason] = [...failed][0] as [string, string];
    parts.push(`it does not compile for ${[...failed.keys()].join(', ')} (${abi}: ${reason}), laid out from the x86_64 variant there`);
  }
  const host = reasons.hint?.hostOnlyAsm;
  if (host !== undefined) {
    parts.push(`${host.name} is installed only for the host's architecture here (${host.file}): the other ABIs read asm-generic's through the harness's target shim, which need not be what their architecture defines; to compare them with their own, pass -I a tree with every architecture's asm/ headers, such as Debian's linux-libc-dev 6.12 or later (the harness fetches it with fetchKernelHeaders('6.12') into <cache>/kernel-headers/trixie/usr/include)`);
  }
  const loc = reasons.hint?.loc ?? reasons.values?.loc;
  return issue('IMPORT_TARGET_DEPENDENT', display, parts.join('; '), loc, 'warning');
}

const WORDS: Readonly<Record<string, string>> = {
  word: 'the width of long and pointers', ioctl: 'the ioctl encoding', char: 'the signedness of char', endian: 'the byte order',
  abi: 'the target', sizes: 'the layout of a type',
};

function describe(h: ValueHint): string {
  return [...new Set(h.dependences.map((d) => WORDS[d.kind] ?? d.kind))].join(', ');
}
