import type { Severity } from '../../core/diagnostics/issue';
import type { RegisteredRule } from '../../core/rules/registered-rule';
import { BREAKING_LEVELS, type Level } from './change';

/** A change rule: a stable id (never renamed once released), its level and a one-line purpose. */
export interface Rule {
  readonly id: string;
  readonly level: Level;
  readonly purpose: string;
}

export function defineRule(id: string, level: Level, purpose: string): Rule {
  return { id, level, purpose };
}

/**
 * How a change of this level shows in reports when neither a waiver, the policy nor `--strict` says
 * otherwise: proven breaks are errors, hazards and source breaks warnings, the rest notes.
 */
export function changeSeverity(level: Level): Severity {
  if (BREAKING_LEVELS.has(level)) return 'error';
  return level === 'source-break' || level === 'hazard' ? 'warning' : 'info';
}

/** A change rule as the rule registry lists it. */
export function registeredChangeRule(r: Rule): RegisteredRule {
  return { id: r.id, family: 'change', level: r.level, severity: changeSeverity(r.level), purpose: r.purpose };
}
