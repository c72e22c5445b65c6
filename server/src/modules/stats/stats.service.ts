import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { pageWindow, type Page, type PageArgs } from '../../graphql/connection.js';
import { unitCells, wholeUnit } from '../../graphql/units.js';
import type { UnitRef } from '../../live/coverage.js';
import { FeedbackGroupBy, VisitGroupBy, type FeedbackStatRow, type GradeCount, type StatUnit, type VisitStatRow } from './stats.types.js';
import { UnitKind } from '../live/live.types.js';
import { countRanges, type Grain } from './visit-counts.js';

export interface StatsFilter extends PageArgs {
  committeeId?: string | null;
  cellId?: string | null;
  from?: string | null;
  to?: string | null;
}

/** Rows are computed whole in SQL and paged in memory: a cursor is the row's position. */
function pageOf<T>(rows: T[], args: PageArgs): Page<T> {
  const window = pageWindow(args);
  const start = window.afterId ?? 0;
  const nodes = rows.slice(start, start + window.limit);
  const edges = nodes.map((node, i) => ({ cursor: Buffer.from(`c:${start + i + 1}`).toString('base64url'), node }));
  return {
    edges, nodes, totalCount: rows.length,
    pageInfo: { hasNextPage: start + window.limit < rows.length, hasPreviousPage: start > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

async function childNames(ctx: Context, rows: { child_kind: string | null; child_id: number | null }[]): Promise<Map<string, string>> {
  const ids = (kind: string) => `{${[0, ...rows.filter((r) => r.child_kind === kind).map((r) => r.child_id)].join(',')}}`;
  const named = await ctx.em.execute<{ key: string; name: string }[]>(
    `select 'committee:' || id as key, name from committee where id = any(?::int[]) union all select 'cell:' || id, name from cell where id = any(?::int[])`,
    [ids('committee'), ids('cell')]);
  return new Map(named.map((r) => [r.key, r.name]));
}

const statUnit = (names: Map<string, string>, kind: string | null, id: number | null): StatUnit | null =>
  kind && id ? { unitKind: kind as UnitKind, unitId: id, name: names.get(`${kind}:${id}`) ?? '' } : null;

function period(groupBy: readonly string[]): string | null {
  if (groupBy.includes('week') && groupBy.includes('month')) throw badInput('groupBy', 'group by WEEK or by MONTH, not both');
  if (groupBy.includes('week')) return `date_trunc('week', %)::date`;
  if (groupBy.includes('month')) return `date_trunc('month', %)::date`;
  return null;
}

interface VisitRow {
  child_kind: string | null; child_id: number | null; cell_id: number | null; cell_name: string | null;
  period: string | null; topic: string | null; kind: string | null; visits: number; households: number; hot_spots: number;
}

/** Visits grouped by unit, cell, week or month, topic and kind, counted in one SQL statement within a unit the viewer reads whole. */
export async function visitStats(ctx: Context, args: StatsFilter & { groupBy: VisitGroupBy[]; kinds?: string[] | null; topics?: string[] | null }, households = true): Promise<Page<VisitStatRow>> {
  const unit: UnitRef = await wholeUnit(ctx, args);
  const cells = unitCells(unit);
  const by = new Set(args.groupBy);
  const periodSql = period([...by]);
  const cols: string[] = [];
  if (by.has(VisitGroupBy.UNIT)) cols.push('v.child_kind', 'v.child_id');
  if (by.has(VisitGroupBy.CELL)) cols.push('v.cell_id', 'v.cell_name');
  if (periodSql) cols.push(`${periodSql.replace('%', 'v.visited_on')}`);
  if (by.has(VisitGroupBy.TOPIC)) cols.push('t.topic');
  if (by.has(VisitGroupBy.KIND)) cols.push('v.kind');
  const select = [
    by.has(VisitGroupBy.UNIT) ? 'v.child_kind, v.child_id' : 'null::text as child_kind, null::int as child_id',
    by.has(VisitGroupBy.CELL) ? 'v.cell_id, v.cell_name' : 'null::int as cell_id, null::text as cell_name',
    periodSql ? `${periodSql.replace('%', 'v.visited_on')}::text as period` : 'null::text as period',
    by.has(VisitGroupBy.TOPIC) ? 't.topic' : 'null::text as topic',
    by.has(VisitGroupBy.KIND) ? 'v.kind' : 'null::text as kind',
  ].join(', ');
  const range = [args.from ?? null, args.to ?? null, arr(args.kinds), arr(args.kinds)];
  let rows: VisitRow[];
  if (!by.has(VisitGroupBy.TOPIC) && !args.topics?.length && !households) {
    // Neither topics nor distinct households: the counters (visit_count) answer alone: whole weeks
    // (grouped by week) or months inside the range, and days at its edges. They are summed per cell
    // (and period, kind) first, a few rows per cell, then joined to the unit's cells. Groups without
    // visits (a counter left at zero) are skipped, as counting visits would.
    const grain: Grain = by.has(VisitGroupBy.WEEK) ? 'week' : 'month';
    const ranges = countRanges(grain, args.from ?? null, args.to ?? null);
    const periodOf = by.has(VisitGroupBy.WEEK) ? 'gb_week_start(x.starts_on)' : by.has(VisitGroupBy.MONTH) ? 'gb_month_start(x.starts_on)' : 'null::date';
    const outer = cols.map((c) => (c === periodSql?.replace('%', 'v.visited_on') ? 'v.period' : c));
    const kinds = '(?::text[] is null or d.kind = any(?::text[]))';
    rows = await ctx.em.execute<VisitRow[]>(
      `with cells as (${cells.sql}),
       counted as (select x.cell_id, ${periodOf} as period, ${by.has(VisitGroupBy.KIND) ? 'x.kind' : 'null::text'} as kind,
                          sum(x.visits) as visits, sum(x.hot_spots) as hot_spots
                     from (select d.cell_id, d.starts_on, d.kind, d.visits, d.hot_spots from visit_count d
                            where ?::boolean and d.grain = ? and d.cell_id in (select cell_id from cells) and ${kinds}
                              and d.starts_on >= coalesce(?::date, '-infinity') and d.starts_on <= coalesce(?::date, 'infinity')
                           union all
                           select d.cell_id, d.starts_on, d.kind, d.visits, d.hot_spots from visit_count d
                            where d.grain = 'day' and d.cell_id in (select cell_id from cells) and ${kinds}
                              and (d.starts_on between ?::date and ?::date or d.starts_on between ?::date and ?::date)) x
                    group by 1, 2, 3),
       v as (select counted.*, cells.cell_name, cells.child_kind, cells.child_id from counted join cells on cells.cell_id = counted.cell_id)
       select ${select.replace(`${periodSql?.replace('%', 'v.visited_on')}::text as period`, 'v.period::text as period')},
              coalesce(sum(v.visits), 0)::int as visits, 0 as households, coalesce(sum(v.hot_spots), 0)::int as hot_spots
         from v
        ${outer.length ? `group by ${outer.join(', ')} having sum(v.visits) > 0 order by ${outer.join(', ')}` : ''}`,
      [...cells.params,
        ranges.whole !== null, grain, arr(args.kinds), arr(args.kinds), ranges.whole?.[0] ?? null, ranges.whole?.[1] ?? null,
        arr(args.kinds), arr(args.kinds), ...(ranges.days[0] ?? [null, null]), ...(ranges.days[1] ?? [null, null])],
    );
  } else {
    // One row per visit unless topics are unnested (a visit then counts once per topic group):
    // count(*) where it can, the distinct counts (sorts) only where they are needed.
    const counted = [
      by.has(VisitGroupBy.TOPIC) ? 'count(distinct v.id)::int as visits' : 'count(*)::int as visits',
      households ? 'count(distinct v.household_id)::int as households' : '0 as households',
      by.has(VisitGroupBy.TOPIC) ? 'count(distinct v.id) filter (where v.hot_spot)::int as hot_spots' : 'count(*) filter (where v.hot_spot)::int as hot_spots',
    ].join(', ');
    rows = await ctx.em.execute<VisitRow[]>(
      `with cells as (${cells.sql}),
       v as (select v.id, v.household_id, v.visited_on, v.kind, v.topics, v.hot_spot, cells.*
               from visit v join cells on cells.cell_id = v.cell_id
              where v.visited_on >= coalesce(?::date, '-infinity') and v.visited_on <= coalesce(?::date, 'infinity')
                and (?::text[] is null or v.kind = any(?::text[])) and (?::text[] is null or v.topics && ?::text[]))
       select ${select}, ${counted}
         from v ${by.has(VisitGroupBy.TOPIC) ? 'left join lateral unnest(v.topics) as t(topic) on true' : ''}
        ${by.has(VisitGroupBy.TOPIC) && args.topics?.length ? 'where t.topic = any(?::text[])' : ''}
        ${cols.length ? `group by ${cols.join(', ')} order by ${cols.join(', ')}` : ''}`,
      [...cells.params, ...range, arr(args.topics), arr(args.topics),
        ...(by.has(VisitGroupBy.TOPIC) && args.topics?.length ? [arr(args.topics)] : [])],
    );
  }
  const names = await childNames(ctx, rows);
  return pageOf(rows.map((r) => ({
    unit: statUnit(names, r.child_kind, r.child_id), cellId: r.cell_id, cellName: r.cell_name, period: r.period,
    topic: r.topic as VisitStatRow['topic'], kind: r.kind as VisitStatRow['kind'],
    visits: r.visits, households: r.households, hotSpots: r.hot_spots,
  })), args);
}

const arr = (values?: readonly string[] | null) => (values?.length ? `{${values.join(',')}}` : null);

interface FeedbackRow {
  topic: string | null; level: string | null; status: string | null; child_kind: string | null; child_id: number | null;
  period: string | null; count: number; answered: number; median_days: number | null;
}

/** Feedback grouped by topic, level, status, unit and month, with the median days to an answer. */
export async function feedbackStats(ctx: Context, args: StatsFilter & { groupBy: FeedbackGroupBy[] }): Promise<Page<FeedbackStatRow>> {
  const unit = await wholeUnit(ctx, args);
  const cells = unitCells(unit);
  const by = new Set(args.groupBy);
  const cols = [
    by.has(FeedbackGroupBy.TOPIC) ? 'f.topic' : null,
    by.has(FeedbackGroupBy.LEVEL) ? 'f.level' : null,
    by.has(FeedbackGroupBy.STATUS) ? 'f.status' : null,
    by.has(FeedbackGroupBy.UNIT) ? 'cells.child_kind' : null,
    by.has(FeedbackGroupBy.UNIT) ? 'cells.child_id' : null,
    by.has(FeedbackGroupBy.MONTH) ? `date_trunc('month', f.raised_on)::date` : null,
  ].filter((c): c is string => !!c);
  const rows = await ctx.em.execute<FeedbackRow[]>(
    `with cells as (${cells.sql})
     select ${by.has(FeedbackGroupBy.TOPIC) ? 'f.topic' : 'null::text as topic'},
            ${by.has(FeedbackGroupBy.LEVEL) ? 'f.level' : 'null::text as level'},
            ${by.has(FeedbackGroupBy.STATUS) ? 'f.status' : 'null::text as status'},
            ${by.has(FeedbackGroupBy.UNIT) ? 'cells.child_kind, cells.child_id' : 'null::text as child_kind, null::int as child_id'},
            ${by.has(FeedbackGroupBy.MONTH) ? `date_trunc('month', f.raised_on)::date::text as period` : 'null::text as period'},
            count(*)::int as count,
            count(*) filter (where f.answered_at is not null or f.status = 'closed')::int as answered,
            percentile_cont(0.5) within group (order by extract(epoch from f.answered_at - f.raised_on::timestamptz) / 86400)
              filter (where f.answered_at is not null) as median_days
       from feedback f join cells on cells.cell_id = f.cell_id
      where f.raised_on >= coalesce(?::date, '-infinity') and f.raised_on <= coalesce(?::date, 'infinity')
      ${cols.length ? `group by ${cols.join(', ')} order by ${cols.join(', ')}` : ''}`,
    [...cells.params, args.from ?? null, args.to ?? null],
  );
  const names = await childNames(ctx, rows);
  return pageOf(rows.map((r) => ({
    topic: r.topic as FeedbackStatRow['topic'], level: r.level as FeedbackStatRow['level'], status: r.status as FeedbackStatRow['status'],
    unit: statUnit(names, r.child_kind, r.child_id), period: r.period, count: r.count, answered: r.answered,
    medianAnswerDays: r.median_days === null ? null : Math.round(Number(r.median_days) * 10) / 10,
  })), args);
}

/** Classification records of a year by grade, for members (by their cell) and cells of the unit. */
export async function classificationSummary(ctx: Context, args: { committeeId?: string | null; cellId?: string | null; year: number }): Promise<GradeCount[]> {
  if (!Number.isInteger(args.year) || args.year < 2000 || args.year > 2100) throw badInput('year', 'a year between 2000 and 2100');
  const cells = unitCells(await wholeUnit(ctx, args));
  return ctx.em.execute<GradeCount[]>(
    `with cells as (${cells.sql})
     select 'MEMBER' as subject, mc.grade, count(*)::int as count, count(*) filter (where mc.approved_at is not null)::int as approved
       from member_classification mc join member m on m.id = mc.member_id join cells on cells.cell_id = m.cell_id
      where mc.year = ? group by mc.grade
     union all
     select 'CELL', cc.grade, count(*)::int, count(*) filter (where cc.approved_at is not null)::int
       from cell_classification cc join cells on cells.cell_id = cc.cell_id
      where cc.year = ? group by cc.grade
     order by 1, 2 nulls last`,
    [...cells.params, args.year, args.year],
  );
}
