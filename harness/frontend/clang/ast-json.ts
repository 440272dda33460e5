/**
 * Reading clang's `-Xclang -ast-dump=json` output. The dump leaves out a location's `file` and
 * `line` when they equal those of the location printed just before; {@link fillLocations} puts them
 * back by walking the tree in print order, so every location can be read on its own.
 */
export interface AstLoc {
  offset?: number;
  file?: string;
  line?: number;
  col?: number;
  tokLen?: number;
  includedFrom?: { file?: string };
  spellingLoc?: AstLoc;
  expansionLoc?: AstLoc;
}

export interface AstType {
  readonly qualType: string;
  readonly desugaredQualType?: string;
  readonly typeAliasDeclId?: string;
}

export interface AstNode {
  readonly id?: string;
  readonly kind: string;
  readonly name?: string;
  readonly loc?: AstLoc;
  readonly range?: { begin?: AstLoc; end?: AstLoc };
  readonly type?: AstType;
  readonly inner?: readonly AstNode[];
  readonly value?: string | number;
  readonly size?: number;
  readonly tagUsed?: 'struct' | 'union' | 'enum';
  readonly completeDefinition?: boolean;
  readonly isImplicit?: boolean;
  readonly isBitfield?: boolean;
  readonly isInvalid?: boolean;
  readonly decl?: { readonly id?: string; readonly kind?: string; readonly name?: string };
  readonly ownedTagDecl?: { readonly id?: string; readonly kind?: string; readonly name?: string };
  readonly argType?: AstType;
  readonly [key: string]: unknown;
}

/** Whether an object is a location: it has one of `offset`, `col`, `tokLen`, `spellingLoc`, `expansionLoc`. */
const isLoc = (o: Record<string, unknown>): boolean =>
  o['offset'] !== undefined || o['col'] !== undefined || o['tokLen'] !== undefined || o['spellingLoc'] !== undefined || o['expansionLoc'] !== undefined;

/**
 * Restores omitted `file`/`line` fields in place, in the order the dumper printed locations. The
 * filler keeps the last file and line seen, so that a dump can be filled piece by piece (see
 * ast-text.ts) with the same result as in one go. The walk visits keys in their printed order
 * (`for...in` on parsed JSON is insertion order) and allocates nothing per object: dumps of real
 * headers hold millions of objects.
 */
export class LocationFiller {
  /** The last file and line a location printed (what the dumper leaves out when unchanged). */
  file: string | undefined;
  line: number | undefined;

  fill(root: unknown): void {
    this.visit(root);
  }

  private visitLoc(l: AstLoc): void {
    if (l.spellingLoc !== undefined || l.expansionLoc !== undefined) {
      if (l.spellingLoc !== undefined) this.visitLoc(l.spellingLoc);
      if (l.expansionLoc !== undefined) this.visitLoc(l.expansionLoc);
      return;
    }
    if (l.offset === undefined && l.col === undefined) return; // an invalid location prints as {}
    if (l.file !== undefined) this.file = l.file;
    else if (this.file !== undefined) l.file = this.file;
    if (l.line !== undefined) this.line = l.line;
    else if (this.line !== undefined) l.line = this.line;
  }

  private visit(v: unknown): void {
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (x !== null && typeof x === 'object') this.visit(x);
      }
      return;
    }
    const o = v as Record<string, unknown>;
    if (isLoc(o)) {
      this.visitLoc(o as AstLoc);
      return;
    }
    for (const k in o) {
      if (k === 'includedFrom') continue;
      const x = o[k];
      if (x !== null && typeof x === 'object') this.visit(x);
    }
  }
}

/** Restores omitted `file`/`line` fields of a whole dump in place (see {@link LocationFiller}). */
export function fillLocations(root: unknown): void {
  new LocationFiller().fill(root);
}

/** Where a declaration is as a person reads it: the expansion point when it comes from a macro. */
export function declLoc(l: AstLoc | undefined): { file: string; line: number; col: number } | undefined {
  const at = l?.expansionLoc ?? l;
  if (at?.file === undefined || at.line === undefined || at.col === undefined) return undefined;
  return { file: at.file, line: at.line, col: at.col };
}

/**
 * The JSON documents in clang's output: a single tree, or (with `-ast-dump-filter`) one document per
 * matching declaration. Top-level documents start with a line `{` and end with a line `}`; other
 * lines (record layout dumps, `Dumping ...:` headings) are skipped.
 */
export function parseJsonDocuments(text: string): AstNode[] {
  // The usual case, one tree: `{` alone on the first line, `}` alone on the last, and no line that is
  // `}` alone in between (nested lines are indented), so the scan below would find exactly that tree.
  const last = text.endsWith('\n}\n') ? text.length - 3 : text.endsWith('\n}') ? text.length - 2 : -1;
  const firstClose = text.indexOf('\n}\n');
  if (text.startsWith('{\n') && last > 0 && (firstClose < 0 || firstClose >= last) && text.indexOf('\n}\r') < 0) {
    return [JSON.parse(text) as AstNode];
  }
  const docs: AstNode[] = [];
  let start = -1;
  let pos = 0;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const lineEnd = end < 0 ? text.length : end;
    const first = text.charCodeAt(pos);
    const isBrace = lineEnd - pos === 1 || (lineEnd - pos === 2 && text.charCodeAt(pos + 1) === 13);
    if (start < 0 && first === 123 /* { */ && isBrace) start = pos;
    else if (start >= 0 && first === 125 /* } */ && isBrace) {
      docs.push(JSON.parse(text.slice(start, lineEnd + 1)) as AstNode);
      start = -1;
    }
    pos = lineEnd + 1;
  }
  return docs;
}

/** The value of the first `ConstantExpr` under a node (clang's evaluation of a constant), if any. */
export function constantValue(n: AstNode): bigint | undefined {
  if (n.kind === 'ConstantExpr' && n.value !== undefined) return BigInt(n.value);
  for (const c of n.inner ?? []) {
    const v = constantValue(c);
    if (v !== undefined) return v;
  }
  return undefined;
}
