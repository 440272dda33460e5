/**
 * Small pieces shared by the reader and writer generators: byte addresses as `base + constant`
 * (constants folded while generating) and field paths as JavaScript expressions that are only
 * evaluated when an error is reported.
 */
export interface Address {
  /** A JavaScript expression (a variable or a parenthesised sum). */
  readonly expr: string;
  readonly plus: number;
}

export const at = (a: Address, offset: number): Address => ({ expr: a.expr, plus: a.plus + offset });
export const addressJs = (a: Address): string => (a.plus === 0 ? a.expr : `${a.expr}+${a.plus}`);

/** A field path: a literal while it is static, a string expression inside array loops. */
export type PathExpr = { readonly lit: string } | { readonly js: string };

export const pathJs = (p: PathExpr): string => ('lit' in p ? JSON.stringify(p.lit) : p.js);
export const member = (p: PathExpr, key: string): PathExpr => ('lit' in p ? { lit: `${p.lit}.${key}` } : { js: `${p.js}+${JSON.stringify(`.${key}`)}` });
export const indexed = (p: PathExpr, indexVar: string): PathExpr => ({ js: `${pathJs(p)}+"["+${indexVar}+"]"` });

/** Unique identifiers for generated variables and helper functions. */
export class Names {
  private n = 0;
  next(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }
}

export const bigLiteral = (v: number | bigint): string => `${BigInt(v)}n`;
export const numLiteral = (v: number | bigint): string => String(Number(v));
