import { toCanonical } from '../../core/model/canonical';
import type { Spec } from '../../core/model/model';

/** Whether two specs declare the same things with the same values (their canonical forms are equal; locations aside). */
export function specsEqual(a: Spec, b: Spec): boolean {
  return a === b || JSON.stringify(toCanonical(a)) === JSON.stringify(toCanonical(b));
}
