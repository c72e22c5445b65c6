/**
 * Calendar dates as the API sends them (`LocalDate`, "2025-05-12"). They are handled as UTC
 * midnights, so no time zone ever moves a date to the day before.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  return !!match && toLocalDate(parseLocalDate(value)) === value;
}

export function parseLocalDate(value: string): Date {
  const [, year, month, day] = LOCAL_DATE.exec(value) ?? [];
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
}

export function toLocalDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today on the device's calendar (Vietnam for the people who use it), not in UTC. */
export function todayLocalDate(now: Date = new Date()): string {
  return toLocalDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addDays(value: string, days: number): string {
  return toLocalDate(new Date(parseLocalDate(value).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseLocalDate(to).getTime() - parseLocalDate(from).getTime()) / DAY_MS);
}

/** The Monday of the ISO week holding the date, as the API names a week (`period`). */
export function mondayOf(value: string): string {
  const weekday = (parseLocalDate(value).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(value, -weekday);
}

const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };

/** "02/05/2025" in Vietnamese (day first), "05/02/2025" in English: the form people write on paper. */
export function formatLocalDate(value: string, locale: string, options: Intl.DateTimeFormatOptions = DAY_MONTH_YEAR): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(parseLocalDate(value));
}
