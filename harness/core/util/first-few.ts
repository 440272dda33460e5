/**
 * The first `n` of a list joined with commas, then "and K more": how a message names a long list
 * without becoming one (a spec missing 130 constants is told about three of them and the count).
 */
export function firstFew(items: readonly string[], n = 3): string {
  const shown = items.slice(0, n).join(', ');
  return items.length > n ? `${shown} and ${items.length - n} more` : shown;
}
