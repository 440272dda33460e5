import type { RecordDecl, TypeNode } from '../../core/model/model';

/** Named records a type contains by value (through arrays and inline records). */
export function containedRecords(t: TypeNode): string[] {
  switch (t.kind) {
    case 'ref': return t.tag === 'enum' ? [] : [t.name];
    case 'array': return containedRecords(t.element);
    case 'record': return t.record.members.flatMap((m) => containedRecords(m.type));
    default: return [];
  }
}

/** Records with every record they contain by value before them, otherwise in their given order. */
export function dependencyOrder(records: readonly RecordDecl[]): RecordDecl[] {
  const byName = new Map(records.filter((r) => r.name !== undefined).map((r) => [r.name as string, r]));
  const out: RecordDecl[] = [];
  const done = new Set<RecordDecl>();
  const visit = (r: RecordDecl, trail: Set<RecordDecl>): void => {
    if (done.has(r) || trail.has(r)) return;
    trail.add(r);
    for (const name of containedRecords({ kind: 'record', record: r })) {
      const dep = byName.get(name);
      if (dep !== undefined) visit(dep, trail);
    }
    done.add(r);
    out.push(r);
  };
  for (const r of records) visit(r, new Set());
  return out;
}
