import * as fs from 'node:fs';
import { DEFAULT_ABI_NAMES, findAbi, type Abi } from '../../core/layout/abi';
import type { Spec } from '../../core/model/model';
import { buildContext, type HeaderText } from './context';
import type { Finding } from './finding';
import type { LintRule } from './rule';
import { LINT_RULES, findLintRule } from './rules';
import { applyWaivers, type OwnedFinding } from './waivers';

export interface LintOptions {
  /** ABIs whose layouts the rules examine; default the eight of every golden. */
  readonly abis?: readonly Abi[];
  /** Rules to run, by id or name; default all. Unknown names are ignored (the CLI checks them). */
  readonly rules?: readonly string[];
  /**
   * The header text for S13 when the spec was imported from a C header. Default: read from
   * `spec.source` when it ends in `.h`; `null` skips the header rule's input.
   */
  readonly header?: HeaderText | null;
}

const defaultAbis = (): readonly Abi[] => DEFAULT_ABI_NAMES.map((n) => findAbi(n) as Abi);

function headerOf(spec: Spec): HeaderText | undefined {
  if (spec.source === undefined || !spec.source.endsWith('.h')) return undefined;
  try {
    return { file: spec.source, text: fs.readFileSync(spec.source, 'utf8') };
  } catch {
    // An imported header that can no longer be read has nothing for S13 to check.
    return undefined;
  }
}

/**
 * Runs the static uAPI rules over a validated spec (see `validateSpec`) and its layouts on every ABI.
 * Returns every finding, waived ones included and marked, in rule order (S1 ... S15, then problems
 * with waivers) and, within a rule, in declaration order. Same spec, same findings.
 */
export function lintSpec(spec: Spec, options: LintOptions = {}): Finding[] {
  const abis = options.abis ?? defaultAbis();
  const header = options.header === null ? undefined : options.header ?? headerOf(spec);
  const rules: readonly LintRule[] = options.rules === undefined
    ? LINT_RULES
    : LINT_RULES.filter((r) => options.rules?.some((n) => findLintRule(n) === r));
  const ctx = buildContext(spec, abis, header);
  const found: OwnedFinding[] = [];
  for (const rule of rules) {
    for (const f of rule.check(ctx)) {
      found.push({
        owner: f.owner,
        finding: {
          rule: rule.id,
          severity: f.severity ?? rule.severity,
          subject: f.subject,
          message: f.message,
          ...(f.loc !== undefined ? { loc: f.loc } : {}),
          ...(f.abis !== undefined ? { abis: f.abis } : {}),
        },
      });
    }
  }
  // A waiver that accepts nothing is reported only when every rule saw every default ABI.
  const complete = rules.length === LINT_RULES.length && DEFAULT_ABI_NAMES.every((n) => abis.some((a) => a.name === n));
  const { findings, problems } = applyWaivers(spec.records, found, rules, complete);
  return [...findings, ...problems];
}
