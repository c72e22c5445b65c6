/**
 * The API's `LocalDate` is a calendar day, `YYYY-MM-DD`, with no time zone. These helpers work on
 * such strings as days (parsed at UTC midnight), so daylight-saving and the browser's zone never
 * shift a date by one.
 */

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (not 2026-02-30). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** Today on this device's calendar: what the person holding the phone calls today. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Day/month/year, the order Vietnamese and British readers both expect: 23/11/2026. */
export function formatLocalDate(value: string | null | undefined): string {
  if (!value || !isLocalDate(value)) return '';
  const [year, month, day] = value.split('-');
  return `${day}/${month}/${year}`;
}

/** A `DateTimeISO` instant shown as the viewer's calendar day and time: 23/11/2026 14:05. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatLocalDate(todayLocal(date))} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
