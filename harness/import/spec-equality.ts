import { toCanonical } from '../spec/canonical';
import type { Spec } from '../spec/model';

/** Whether two specs declare the same things with the same values (their canonical forms are equal; locations aside). */
export function specsEqual(a: Spec, b: Spec): boolean {
  return a === b || JSON.stringify(toCanonical(a)) === JSON.stringify(toCanonical(b));
}
