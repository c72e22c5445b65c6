import { addDays, mondayOf } from '../../i18n/local-date';

/** One row of `visitStats(groupBy: [WEEK])`. */
export interface WeekRow {
  period: string | null;
  visits: number;
  households: number;
  hotSpots: number;
}

/** One bar of the chart: the week starting on Monday `week`. */
export interface WeekPoint {
  week: string;
  visits: number;
  households: number;
  hotSpots: number;
}

/** The dates to ask for: the week of `today` and the `weeks - 1` whole weeks before it. */
export function chartRange(today: string, weeks: number): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -7 * (weeks - 1)), to: today };
}

/** A bar for every week of the range; the API leaves out weeks without visits, which are zeros here. */
export function weeklySeries(rows: readonly WeekRow[], from: string, to: string): WeekPoint[] {
  const byWeek = new Map(rows.flatMap((row) => (row.period ? [[mondayOf(row.period), row] as const] : [])));
  const points: WeekPoint[] = [];
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) {
    const row = byWeek.get(week);
    points.push({ week, visits: row?.visits ?? 0, households: row?.households ?? 0, hotSpots: row?.hotSpots ?? 0 });
  }
  return points;
}

export interface Scale {
  max: number;
  ticks: number[];
}

/** A value axis for counts: whole steps of 1, 2 or 5 × 10ⁿ, about `targetTicks` of them, from 0 to just above the largest value. */
export function niceScale(largest: number, targetTicks = 4): Scale {
  const raw = Math.max(largest, 1) / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= raw) ?? 10 * magnitude);
  const max = Math.max(step, Math.ceil(largest / step) * step);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return { max, ticks };
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars in a plot area `width` × `height` (y grows downwards, as in SVG); a week with visits is never thinner than a hairline. */
export function barLayout(values: readonly number[], scale: Scale, width: number, height: number): Bar[] {
  const slot = values.length ? width / values.length : 0;
  const barWidth = Math.max(1, slot * 0.72);
  return values.map((value, index) => {
    const barHeight = value > 0 ? Math.max(1, (value / scale.max) * height) : 0;
    return { x: index * slot + (slot - barWidth) / 2, y: height - barHeight, width: barWidth, height: barHeight };
  });
}

/** The bar under a pointer at `x` in a plot `width` wide. */
export function barIndexAt(x: number, width: number, count: number): number {
  if (count === 0 || width <= 0) return -1;
  return Math.min(count - 1, Math.max(0, Math.floor((x / width) * count)));
}

/** Where a new month starts (its first Monday), every `every` months, for the axis labels. */
export function monthStarts(points: readonly WeekPoint[], every = 1): number[] {
  const starts: number[] = [];
  points.forEach((point, index) => {
    const month = point.week.slice(0, 7);
    if (index > 0 && month !== points[index - 1].week.slice(0, 7)) starts.push(index);
  });
  return starts.filter((_, n) => n % every === 0);
}

export interface SeriesSummary {
  visits: number;
  busiest: WeekPoint | null;
  weeksWithout: number;
  hotSpots: number;
}

/** What the chart says in one sentence, for screen readers and the default caption. */
export function summarize(points: readonly WeekPoint[]): SeriesSummary {
  let busiest: WeekPoint | null = null;
  for (const point of points) if (point.visits > 0 && (!busiest || point.visits > busiest.visits)) busiest = point;
  return {
    visits: points.reduce((sum, point) => sum + point.visits, 0),
    busiest,
    weeksWithout: points.filter((point) => point.visits === 0).length,
    hotSpots: points.reduce((sum, point) => sum + point.hotSpots, 0),
  };
}
