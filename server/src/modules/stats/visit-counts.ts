/** Which counters (visit_count) cover a date range: whole weeks or months, and days at its edges. */

export type Grain = 'week' | 'month';

const DAY = 86_400_000;
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => toIso(new Date(toDate(iso).getTime() + days * DAY));

/** First day of the week (Monday, as date_trunc('week')) or month of a day. */
export function startOf(grain: Grain, iso: string): string {
  const date = toDate(iso);
  if (grain === 'week') return addDays(iso, -((date.getUTCDay() + 6) % 7));
  return `${iso.slice(0, 8)}01`;
}

/** First day of the next week or month. */
function nextStart(grain: Grain, iso: string): string {
  if (grain === 'week') return addDays(startOf('week', iso), 7);
  const date = toDate(startOf('month', iso));
  return toIso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

export interface CountRanges {
  /** Starts of the whole periods inside the range (null ends: unbounded), or null when none fits. */
  whole: [string | null, string | null] | null;
  /** Days of the range outside those periods, at most two spans (inclusive). */
  days: [string, string][];
}

/** Splits [from, to] (inclusive; null is unbounded) into whole periods of `grain` and the days at its edges. */
export function countRanges(grain: Grain, from: string | null, to: string | null): CountRanges {
  const first = from === null ? null : startOf(grain, from) === from ? from : nextStart(grain, from);
  // The last whole period ends on `to`, or before the period holding `to`.
  const lastStart = to === null ? null : nextStart(grain, to) === addDays(to, 1) ? startOf(grain, to) : startOf(grain, addDays(startOf(grain, to), -1));
  if (first !== null && lastStart !== null && first > lastStart) return { whole: null, days: [[from!, to!]] };
  const days: [string, string][] = [];
  if (from !== null && first! > from) days.push([from, addDays(first!, -1)]);
  if (to !== null) {
    const lastEnd = addDays(nextStart(grain, lastStart!), -1);
    if (lastEnd < to) days.push([addDays(lastEnd, 1), to]);
  }
  return { whole: [first, lastStart], days };
}
