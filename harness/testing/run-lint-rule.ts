import type { RecordDecl, Spec } from '../core/model/model';
import type { Finding } from '../contract/lint/finding';
import { lintSpec, type LintOptions } from '../contract/lint/lint-spec';

/** The findings of one rule alone, for rule tests. */
export function findingsOf(ruleId: string, spec: Spec, options: Omit<LintOptions, 'rules'> = {}): Finding[] {
  return lintSpec(spec, { ...options, rules: [ruleId] }).filter((f) => f.rule === ruleId);
}

/** `[subject, severity, abis?]` triples: what most rule tests assert first. */
export function subjects(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.severity} ${f.subject}${f.abis !== undefined ? ` [${f.abis.join(',')}]` : ''}`);
}

/** A spec made of hand-written records, for model shapes the DSL does not build (pointers, typedef spellings). */
export function specOfRecords(records: readonly RecordDecl[], rest: Partial<Pick<Spec, 'ioctls' | 'source'>> = {}): Spec {
  return { name: 'fixture', version: '1.0.0', records, enums: [], constants: [], groups: [], ioctls: rest.ioctls ?? [], ...(rest.source !== undefined ? { source: rest.source } : {}) };
}
