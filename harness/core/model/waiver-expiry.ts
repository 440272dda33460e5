/**
 * When an accepted exception stops being accepted. Waivers of both kinds (a diff's accepted changes, a
 * record's lint waivers) may carry `expires: "YYYY-MM-DD"`: valid through that day (UTC), after it the
 * waiver no longer applies and the gate fails naming it, so that an exception is looked at again.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `text` is not a usable expiry date, or undefined when it is one. */
export function expiryProblem(text: string): string | undefined {
  const m = DATE.exec(text);
  if (m === null) return `expires must be a date written YYYY-MM-DD, got "${text}"`;
  const d = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text) return `expires is not a calendar date: "${text}"`;
  return undefined;
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whether a waiver with this `expires` has expired on `today` (both YYYY-MM-DD; they compare as text). */
export function hasExpired(expires: string | undefined, today: string = todayUtc()): boolean {
  return expires !== undefined && expires < today;
}

/** `expired on 2024-01-31 (owner: Jane Doe)`: how messages name an expired waiver. */
export function expiredText(w: { readonly expires?: string; readonly owner?: string }): string {
  return `expired on ${w.expires ?? '?'}${w.owner !== undefined ? ` (owner: ${w.owner})` : ''}`;
}
