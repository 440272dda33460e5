import type { ByteMap, MapField } from './byte-map-model';
import type { FieldNote } from './byte-map-svg';

/** Marks for the old and the new diagram of one type, by field name. */
export interface FieldChanges {
  readonly old: ReadonlyMap<string, FieldNote>;
  readonly new: ReadonlyMap<string, FieldNote>;
}

const sameBytes = (a: MapField, b: MapField): boolean =>
  a.offset === b.offset && a.size === b.size && a.bitOffset === b.bitOffset && a.bitSize === b.bitSize;

const at = (f: MapField): string => (f.bitOffset !== undefined ? `@${Math.floor(f.bitOffset / 8)}.${f.bitOffset % 8}` : `@${f.offset}`);

/**
 * What happened to each field between two layouts of the same type on the same ABI, judged by the
 * bytes, as old binaries see them: a field under the same name at other bytes moved; at the same
 * place with another type or size it was retyped; a name that is gone while a new name sits on
 * exactly its bytes was renamed (as when a pad field is given a meaning); otherwise fields were
 * removed or inserted. The diff's own rules classify the changes; this only decides how to draw them.
 */
export function fieldChanges(oldMap: ByteMap, newMap: ByteMap): FieldChanges {
  const oldByName = new Map(oldMap.fields.map((f) => [f.name, f]));
  const newByName = new Map(newMap.fields.map((f) => [f.name, f]));
  const oldMarks = new Map<string, FieldNote>();
  const newMarks = new Map<string, FieldNote>();
  for (const f of newMap.fields) {
    const before = oldByName.get(f.name);
    if (before === undefined) continue;
    const moved = before.offset !== f.offset || before.bitOffset !== f.bitOffset;
    const retyped = before.type !== f.type || before.size !== f.size || before.bitSize !== f.bitSize;
    if (moved) {
      newMarks.set(f.name, { mark: 'moved', note: `was ${at(before)}` });
      oldMarks.set(f.name, { mark: 'moved', note: `now ${at(f)}` });
    } else if (retyped) {
      newMarks.set(f.name, { mark: 'retyped', note: `was ${before.type}` });
      oldMarks.set(f.name, { mark: 'retyped', note: `now ${f.type}` });
    } else {
      newMarks.set(f.name, { mark: 'same' });
      oldMarks.set(f.name, { mark: 'same' });
    }
  }
  const goneOld = oldMap.fields.filter((f) => !newByName.has(f.name));
  for (const f of newMap.fields.filter((x) => !oldByName.has(x.name))) {
    const twin = goneOld.find((o) => sameBytes(o, f) && !oldMarks.has(o.name));
    if (twin !== undefined) {
      newMarks.set(f.name, { mark: 'renamed', note: `was ${twin.name}` });
      oldMarks.set(twin.name, { mark: 'renamed', note: `now ${f.name}` });
    } else {
      newMarks.set(f.name, { mark: 'inserted', note: 'new' });
    }
  }
  for (const f of goneOld) if (!oldMarks.has(f.name)) oldMarks.set(f.name, { mark: 'removed', note: 'removed' });
  return { old: oldMarks, new: newMarks };
}

/** Whether anything is drawn differently: a marked field, or a change of size or padding. */
export function layoutsDiffer(oldMap: ByteMap, newMap: ByteMap, changes: FieldChanges): boolean {
  if (oldMap.size !== newMap.size) return true;
  if (JSON.stringify(oldMap.padding) !== JSON.stringify(newMap.padding)) return true;
  return [...changes.old.values(), ...changes.new.values()].some((c) => c.mark !== 'same');
}
