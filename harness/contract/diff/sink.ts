import { jsonLocation } from '../../core/diagnostics/json-location';
import type { SourceLoc } from '../../core/model/model';
import type { Change, ChangeLocation, ChangeValue } from './change';
import type { Rule } from './rule';

/**
 * Collects changes found on each ABI and merges those that are the same change (rule, subject, old
 * and new value) into one entry listing every ABI it shows on, in the order ABIs were compared.
 */
export class ChangeSink {
  private readonly merged = new Map<string, { change: Omit<Change, 'abis'>; abis: string[] }>();

  emit(rule: Rule, subject: string, abis: string | readonly string[], old: ChangeValue, now: ChangeValue, message: string, loc?: SourceLoc): void {
    const key = `${rule.id}\u0000${subject}\u0000${String(old)}\u0000${String(now)}`;
    const list = typeof abis === 'string' ? [abis] : abis;
    const existing = this.merged.get(key);
    if (existing !== undefined) {
      for (const a of list) if (!existing.abis.includes(a)) existing.abis.push(a);
      return;
    }
    const location: ChangeLocation | undefined = loc !== undefined ? jsonLocation(loc) : undefined;
    this.merged.set(key, {
      change: { rule: rule.id, level: rule.level, subject, old, new: now, message, ...(location !== undefined ? { location } : {}) },
      abis: [...list],
    });
  }

  changes(): Change[] {
    return [...this.merged.values()].map(({ change, abis }) => ({ ...change, abis }));
  }
}

