import type { Rule } from '../rule';
import * as ALL from './all';

export * from './all';

/** Every change rule, by stable id. */
export const RULES: { readonly [id: string]: Rule } = Object.fromEntries(Object.values(ALL).map((r) => [r.id, r]));
