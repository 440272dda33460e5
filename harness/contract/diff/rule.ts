import type { Level } from './change';

/** A change rule: a stable id (never renamed once released), its level and a one-line purpose. */
export interface Rule {
  readonly id: string;
  readonly level: Level;
  readonly purpose: string;
}

export function defineRule(id: string, level: Level, purpose: string): Rule {
  return { id, level, purpose };
}
