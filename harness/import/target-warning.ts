import { issue, type Issue } from '../diagnostics/issue';
import type { TargetHint } from './target-scan';

/**
 * The warning every import of a target-dependent header carries, at the first conditional (or
 * per-target `#include`) that makes it so: which ABIs see other declarations than x86_64, and which
 * could not be preprocessed (they are laid out from the x86_64 variant, as before). Layouts and diffs
 * use each ABI's own variant; a DSL spec written from the header (`uapi import`) cannot express them
 * and holds the x86_64 one.
 */
export function targetWarning(display: string, hint: TargetHint, differing: readonly string[], failed: ReadonlyMap<string, string>): Issue {
  const parts: string[] = [];
  if (differing.length > 0) {
    parts.push(`the header's content depends on the target (${hint.what}): ${differing.join(', ')} differ from x86_64; layouts and diffs use each ABI's own variant, a spec written from it holds the x86_64 one`);
  }
  if (failed.size > 0) {
    const [abi, why] = [...failed][0] as [string, string];
    parts.push(`it does not compile for ${[...failed.keys()].join(', ')} (${abi}: ${why}), laid out from the x86_64 variant there`);
  }
  return issue('IMPORT_TARGET_DEPENDENT', display, parts.join('; '), hint.loc, 'warning');
}
