/** One record as `-Xclang -fdump-record-layouts-simple` prints it; sizes and offsets in bits. */
export interface DumpedRecordLayout {
  /** clang's spelling of the type: `struct foo`, `union foo::(anonymous at f.h:10:3)`. */
  readonly type: string;
  readonly sizeBits: number;
  readonly alignBits: number;
  /** One entry per field declaration (unnamed bit-fields and anonymous members included), in order. */
  readonly fieldOffsetsBits: readonly number[];
}

/** Reads every record layout in clang's output (other lines are ignored). */
export function parseRecordLayouts(text: string): DumpedRecordLayout[] {
  const out: DumpedRecordLayout[] = [];
  const blocks = text.split('*** Dumping AST Record Layout').slice(1);
  for (const b of blocks) {
    const type = /^Type: (.*)$/m.exec(b)?.[1];
    const size = /^\s*Size:(\d+)$/m.exec(b)?.[1];
    const align = /^\s*Alignment:(\d+)$/m.exec(b)?.[1];
    const offsets = /^\s*FieldOffsets: \[([^\]]*)\]/m.exec(b)?.[1];
    if (type === undefined || size === undefined || align === undefined || offsets === undefined) continue;
    out.push({
      type: type.trim(),
      sizeBits: Number(size),
      alignBits: Number(align),
      fieldOffsetsBits: offsets.trim() === '' ? [] : offsets.split(',').map((x) => Number(x.trim())),
    });
  }
  return out;
}

/**
 * The position clang names an anonymous record by: `... (anonymous at FILE:LINE:COL)` or
 * `(unnamed at ...)` / `(anonymous struct at ...)` depending on the version; undefined for a named one.
 */
export function anonymousPosition(type: string): { line: number; col: number } | undefined {
  const m = /\((?:anonymous|unnamed)(?: struct| union)? at .*:(\d+):(\d+)\)$/.exec(type);
  return m === null ? undefined : { line: Number(m[1]), col: Number(m[2]) };
}
