/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no time zone shifts a day. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;
/** Today's date and the instant it ends, worked out once a day (lists call today() per row). */
let current = { date: '', endsAt: 0 };

export function today(): string {
  const now = Date.now();
  if (now >= current.endsAt || now < current.endsAt - DAY_MS) {
    const start = now - (now % DAY_MS);
    current = { date: new Date(start).toISOString().slice(0, 10), endsAt: start + DAY_MS };
  }
  return current.date;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, read from its digits (no Date parsing). */
function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  return Date.UTC(year, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
