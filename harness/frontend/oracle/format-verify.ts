import { formatIssue } from '../../core/diagnostics/format';
import { toJson } from '../../core/util/json';
import type { VerifyResult } from './verify-layout';
import { pushAll } from '../../core/util/push-all';

const show = (v: bigint | string): string => (typeof v === 'bigint' ? v.toString() : v);

/** One line per mismatch, then a summary, for people. */
export function formatVerifyText(uapi: string, abis: readonly string[], r: VerifyResult): string {
  const lines = r.mismatches.map((m) => `${m.abi}: ${m.path}: ${m.kind}: engine ${show(m.engine)}, clang ${show(m.clang)}`);
  pushAll(lines, r.issues.map(formatIssue));
  const by = r.clang !== undefined ? ` (${r.clang})` : ' (cached results)';
  lines.push(r.mismatches.length === 0 && r.issues.length === 0
    ? `verify-layout: ${uapi}: ${r.checked} values on ${abis.length} ABIs (${abis.join(', ')}) agree with clang${by}`
    : `verify-layout: ${uapi}: ${r.mismatches.length} mismatches in ${r.checked} values on ${abis.length} ABIs${by}`);
  return lines.join('\n') + '\n';
}

/** The same as JSON: `{uapi, clang, abis, checked, mismatches: [{abi, path, kind, engine, clang}]}`. */
export function formatVerifyJson(uapi: string, abis: readonly string[], r: VerifyResult): string {
  return toJson({
    uapi,
    clang: r.clang ?? null,
    abis,
    checked: r.checked,
    mismatches: r.mismatches,
    issues: r.issues.map(formatIssue),
  }) + '\n';
}
