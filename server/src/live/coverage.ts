import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_INTERVAL_DAYS } from '../graphql/loaders.js';
import type { LiveEvent } from './events.js';
import { unitCells } from '../graphql/units.js';

/** A unit whose coverage is computed: a committee (its whole subtree) or one cell. */
export interface UnitRef {
  kind: 'committee' | 'cell';
  id: number;
  /** Committee path of the unit (the cell's committee for a cell). */
  path: string;
}

export interface CoverageFigures {
  households: number;
  householdsCovered: number;
  activeMembers: number;
  membersWithHouseholds: number;
  activeAssignments: number;
  visitsOnTime: number;
  overdue: number;
  priorityHouseholds: number;
  priorityHouseholdsCovered: number;
}

export interface UnitCoverage {
  unitKind: 'committee' | 'cell';
  unitId: number;
  name: string;
  figures: CoverageFigures;
}

export interface CoverageReport {
  unit: UnitCoverage;
  children: UnitCoverage[];
  computedAt: Date;
}

interface Row {
  child_kind: 'committee' | 'cell' | null;
  child_id: number | null;
  households: number;
  covered: number;
  priority: number;
  priority_covered: number;
  assignments: number;
  on_time: number;
  overdue: number;
  active_members: number;
  members_with_households: number;
}

/**
 * Coverage of a unit and of each of its children (child committees, or cells for a commune), in
 * one set-based statement: households covered, members with households, visits on time against
 * the visit policy in force, overdue assignments, priority households covered.
 */
export async function computeCoverage(em: EntityManager, unit: UnitRef, asOf?: string): Promise<CoverageReport> {
  const cellsOfUnit = unitCells(unit);
  const rows = await em.execute<Row[]>(
    `with cells as (${cellsOfUnit.sql}), policy as (
       select k.id as committee_id,
              coalesce(p.regular_interval_days, ${DEFAULT_INTERVAL_DAYS}) as regular,
              coalesce(p.non_regular_interval_days, ${DEFAULT_INTERVAL_DAYS}) as non_regular
         from committee k
         left join lateral (select vp.* from visit_policy vp join committee a on a.id = vp.committee_id
                             where k.path like a.path || '%' order by a.depth desc limit 1) p on true
        where k.id in (select committee_id from cells)
     ), households as (
       select cells.child_kind, cells.child_id,
              (h.priority_flags <> '{}' or h.poverty_status <> 'none') as priority,
              a.id as assignment_id,
              coalesce(a.last_visit_on, a.started_on)
                + case when a.mode = 'regular' then p.regular else p.non_regular end >= coalesce(?::date, current_date) as on_time
         from household h
         join cells on cells.cell_id = h.cell_id
         join policy p on p.committee_id = cells.committee_id
         left join assignment a on a.household_id = h.id and a.ended_on is null
     ), members as (
       select cells.child_kind, cells.child_id, m.status,
              exists (select 1 from assignment a where a.member_id = m.id and a.ended_on is null) as holds
         from member m join cells on cells.cell_id = m.cell_id
     ), h as (
       select child_kind, child_id, count(*)::int as households, count(assignment_id)::int as covered,
              count(*) filter (where priority)::int as priority,
              count(assignment_id) filter (where priority)::int as priority_covered,
              count(assignment_id)::int as assignments,
              count(assignment_id) filter (where on_time)::int as on_time,
              count(assignment_id) filter (where not on_time)::int as overdue
         from households group by grouping sets ((child_kind, child_id), ())
     ), m as (
       select child_kind, child_id, count(*) filter (where status = 'active')::int as active_members,
              count(*) filter (where status = 'active' and holds)::int as members_with_households
         from members group by grouping sets ((child_kind, child_id), ())
     )
     select coalesce(h.child_kind, m.child_kind) as child_kind, coalesce(h.child_id, m.child_id) as child_id,
            coalesce(h.households, 0) as households, coalesce(h.covered, 0) as covered, coalesce(h.priority, 0) as priority,
            coalesce(h.priority_covered, 0) as priority_covered, coalesce(h.assignments, 0) as assignments,
            coalesce(h.on_time, 0) as on_time, coalesce(h.overdue, 0) as overdue,
            coalesce(m.active_members, 0) as active_members, coalesce(m.members_with_households, 0) as members_with_households
       from h full join m on coalesce(h.child_kind || ':' || h.child_id, 'unit') = coalesce(m.child_kind || ':' || m.child_id, 'unit')`,
    [...cellsOfUnit.params, asOf ?? null],
  );
  const names = await unitNames(em, unit, rows);
  const figures = (row?: Row): CoverageFigures => ({
    households: row?.households ?? 0,
    householdsCovered: row?.covered ?? 0,
    activeMembers: row?.active_members ?? 0,
    membersWithHouseholds: row?.members_with_households ?? 0,
    activeAssignments: row?.assignments ?? 0,
    visitsOnTime: row?.on_time ?? 0,
    overdue: row?.overdue ?? 0,
    priorityHouseholds: row?.priority ?? 0,
    priorityHouseholdsCovered: row?.priority_covered ?? 0,
  });
  const total = rows.find((r) => r.child_id === null);
  const children = rows
    .filter((r) => r.child_id !== null && !(unit.kind === 'cell'))
    .map((r) => ({ unitKind: r.child_kind!, unitId: r.child_id!, name: names.get(`${r.child_kind}:${r.child_id}`) ?? '', figures: figures(r) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    unit: { unitKind: unit.kind, unitId: unit.id, name: names.get(`${unit.kind}:${unit.id}`) ?? '', figures: figures(total) },
    children,
    computedAt: new Date(),
  };
}

async function unitNames(em: EntityManager, unit: UnitRef, rows: Row[]): Promise<Map<string, string>> {
  const committees = [unit.kind === 'committee' ? unit.id : 0, ...rows.filter((r) => r.child_kind === 'committee').map((r) => r.child_id!)];
  const cells = [unit.kind === 'cell' ? unit.id : 0, ...rows.filter((r) => r.child_kind === 'cell').map((r) => r.child_id!)];
  const named = await em.execute<{ key: string; name: string }[]>(
    `select 'committee:' || id as key, name from committee where id = any(?::int[])
     union all select 'cell:' || id, name from cell where id = any(?::int[])`,
    [`{${committees.join(',')}}`, `{${cells.join(',')}}`],
  );
  return new Map(named.map((r) => [r.key, r.name]));
}

const MIN_INTERVAL_MS = 1000;

/** Figures younger than this answer the `coverage` query as they are (the subscription's own pace). */
export const COVERAGE_FRESH_MS = 1000;
/** Older figures, up to this age, still answer at once while one fresh computation runs behind them. */
export const COVERAGE_STALE_MS = 5000;
const CACHE_ENTRIES = 2000;

interface Cached {
  unit: UnitRef;
  report: CoverageReport | null;
  /** When the computation that gave `report` started. */
  at: number;
  computing: Promise<CoverageReport> | null;
}

/**
 * Figures of a unit shared by every reader of the `coverage` query in this process, computed
 * once per unit at a time, like the coverageChanged subscription's: figures computed less than a
 * second ago answer as they are; up to five seconds old they answer while one computation
 * refreshes them; older, the reader waits for that computation. So the query is at most about a
 * second behind writes when read steadily, and one computation a second per unit at most.
 * `asOf` dates are cached apart.
 */
export class CoverageCache {
  private readonly entries = new Map<string, Cached>();
  computations = 0;

  constructor(
    private readonly fork: () => EntityManager,
    private readonly computeReport: typeof computeCoverage = computeCoverage,
    private readonly now: () => number = Date.now,
  ) {}

  async get(unit: UnitRef, asOf?: string, em?: EntityManager): Promise<CoverageReport> {
    const key = `${unit.kind}:${unit.id}:${asOf ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      entry = { unit, report: null, at: 0, computing: null };
      this.entries.set(key, entry);
    }
    const age = this.now() - entry.at;
    if (entry.report && age < COVERAGE_FRESH_MS) return entry.report;
    if (entry.report && age < COVERAGE_STALE_MS) {
      if (!entry.computing) this.compute(entry, asOf).catch((error) => console.error('[gan-bo] coverage computation failed:', error));
      return entry.report;
    }
    return entry.computing ?? this.compute(entry, asOf, em);
  }

  /** Figures the subscription hub computed (today's), kept for the query too. */
  offer(unit: UnitRef, report: CoverageReport, startedAt: number): void {
    const entry = this.entries.get(`${unit.kind}:${unit.id}:`);
    if (entry && entry.at < startedAt) Object.assign(entry, { report, at: startedAt });
  }

  private compute(entry: Cached, asOf?: string, em?: EntityManager): Promise<CoverageReport> {
    const startedAt = this.now();
    this.computations++;
    const computing = this.computeReport(em ?? this.fork(), entry.unit, asOf).then((report) => {
      if (startedAt >= entry.at) Object.assign(entry, { report, at: startedAt });
      return report;
    }).finally(() => {
      if (entry.computing === computing) entry.computing = null;
    });
    entry.computing = computing;
    return computing;
  }
}

interface Watched {
  unit: UnitRef;
  listeners: Set<(report: CoverageReport) => void>;
  latest: CoverageReport | null;
  lastRun: number;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  dirty: boolean;
}

/**
 * Coverage shared by every viewer of a unit: one computation per unit per tick (at most once a
 * second), whatever the number of subscribers, and only when an event touched the unit.
 */
export class CoverageHub {
  private readonly watched = new Map<string, Watched>();
  computations = 0;

  constructor(private readonly fork: () => EntityManager, private readonly cache?: CoverageCache) {}

  /** Starts watching; the listener gets the current figures at once, then each change. */
  watch(unit: UnitRef, listener: (report: CoverageReport) => void): () => void {
    const key = `${unit.kind}:${unit.id}`;
    let entry = this.watched.get(key);
    if (!entry) {
      entry = { unit, listeners: new Set(), latest: null, lastRun: 0, timer: null, running: null, dirty: true };
      this.watched.set(key, entry);
    }
    entry.listeners.add(listener);
    if (entry.latest && !entry.dirty) listener(entry.latest);
    else this.schedule(entry);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size === 0) {
        if (entry.timer) clearTimeout(entry.timer);
        this.watched.delete(key);
      }
    };
  }

  /** Marks every watched unit the event touches as changed. */
  onEvent(event: LiveEvent): void {
    for (const entry of this.watched.values()) {
      const touches = entry.unit.kind === 'cell' ? event.cellId === entry.unit.id : event.path.startsWith(entry.unit.path);
      if (touches) {
        entry.dirty = true;
        this.schedule(entry);
      }
    }
  }

  private schedule(entry: Watched): void {
    if (entry.timer || entry.running) return;
    const wait = Math.max(0, entry.lastRun + MIN_INTERVAL_MS - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      entry.running = this.run(entry).finally(() => {
        entry.running = null;
        if (entry.dirty && entry.listeners.size) this.schedule(entry);
      });
    }, wait);
  }

  private async run(entry: Watched): Promise<void> {
    entry.dirty = false;
    entry.lastRun = Date.now();
    this.computations++;
    try {
      const report = await computeCoverage(this.fork(), entry.unit);
      this.cache?.offer(entry.unit, report, entry.lastRun);
      entry.latest = report;
      for (const listener of entry.listeners) listener(report);
    } catch (error) {
      entry.dirty = true;
      console.error('[gan-bo] coverage computation failed:', error);
    }
  }
}
