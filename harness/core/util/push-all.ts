/**
 * Appends every item to `into`. `into.push(...items)` passes each item as an argument, and an array
 * that grows with the input (the issues of a 10 MB header, the fields of a huge struct) overflows the
 * call stack: this loops instead.
 */
export function pushAll<T>(into: T[], items: Iterable<T>): void {
  for (const item of items) into.push(item);
}
