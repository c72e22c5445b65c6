import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { today } from '../../graphql/dates.js';
import { unitCells } from '../../graphql/units.js';
import { where, cond } from '../../graphql/sql.js';
import { computeCoverage, type CoverageReport, type UnitCoverage, type UnitRef } from '../../live/coverage.js';
import { UnitKind } from '../live/live.types.js';
import { gridOutline, type LatLng } from './hull.js';
import { HouseholdMapState, type CoverageMap, type MapArea, type MapHousehold } from './map.types.js';

/** Outline grid: 0.002° is about 220 m of latitude, coarse enough that no vertex points at a home. */
export const GRID_DEGREES = 0.002;
export const DEFAULT_MAX_HOUSEHOLDS = 5_000;
export const MAX_HOUSEHOLDS = 20_000;

interface SquareRow { child_kind: 'committee' | 'cell'; child_id: number; gy: number; gx: number; n: number; slat: number; slng: number }
interface PointRow { id: number; cell_id: number; lat: number; lng: number; priority: boolean; state: HouseholdMapState; located: number }

/**
 * The map of a unit the viewer reads whole: the coverage report (shared cache), the outline of
 * each child unit from its households on a coarse grid (one grouped statement), and the unit's
 * households the viewer may locate with their visit state (one statement, capped).
 */
export async function coverageMap(ctx: Context, unit: UnitRef, maxHouseholds: number): Promise<CoverageMap> {
  if (!Number.isInteger(maxHouseholds) || maxHouseholds < 0 || maxHouseholds > MAX_HOUSEHOLDS) {
    throw badInput('maxHouseholds', `between 0 and ${MAX_HOUSEHOLDS}`);
  }
  const report: CoverageReport = ctx.live ? await ctx.live.coverageCache.get(unit, undefined, ctx.em) : await computeCoverage(ctx.em, unit);
  const cells = unitCells(unit);
  const squares = await ctx.em.execute<SquareRow[]>(
    `with cells as (${cells.sql})
     select cells.child_kind, cells.child_id, floor(h.lat / ${GRID_DEGREES})::int as gy, floor(h.lng / ${GRID_DEGREES})::int as gx,
            count(*)::int as n, sum(h.lat)::float8 as slat, sum(h.lng)::float8 as slng
       from household h join cells on cells.cell_id = h.cell_id
      where h.lat is not null
      group by 1, 2, 3, 4`,
    cells.params,
  );
  const byChild = new Map<string, SquareRow[]>();
  for (const square of squares) {
    const key = `${square.child_kind}:${square.child_id}`;
    byChild.set(key, [...(byChild.get(key) ?? []), square]);
  }
  const unitArea = area(report.unit, squares);
  const areas = unit.kind === 'cell' ? [] : report.children.map((child) => area(child, byChild.get(`${child.unitKind}:${child.unitId}`) ?? []));

  const points = maxHouseholds > 0 ? await locatedHouseholds(ctx, cells, maxHouseholds) : [];
  const located = points[0]?.located ?? (maxHouseholds > 0 ? 0 : await countLocated(ctx, cells));
  const shown = points.slice(0, maxHouseholds);
  const households: MapHousehold[] = shown.map((p) => ({ id: p.id, cellId: p.cell_id, location: { lat: p.lat, lng: p.lng }, state: p.state, priority: p.priority }));

  const lats = squares.flatMap((s) => [s.gy * GRID_DEGREES, (s.gy + 1) * GRID_DEGREES]);
  const lngs = squares.flatMap((s) => [s.gx * GRID_DEGREES, (s.gx + 1) * GRID_DEGREES]);
  return {
    unit: unitArea,
    areas,
    bounds: squares.length
      ? { southWest: { lat: Math.min(...lats), lng: Math.min(...lngs) }, northEast: { lat: Math.max(...lats), lng: Math.max(...lngs) } }
      : null,
    households,
    householdsTruncated: located > shown.length,
    householdsHidden: report.unit.figures.households - located,
    tileUrl: process.env.GB_MAP_TILE_URL?.trim() || null,
    computedAt: report.computedAt,
  };
}

function area(coverage: UnitCoverage, squares: readonly SquareRow[]): MapArea {
  const n = squares.reduce((sum, s) => sum + s.n, 0);
  const center: LatLng | null = n ? { lat: squares.reduce((sum, s) => sum + s.slat, 0) / n, lng: squares.reduce((sum, s) => sum + s.slng, 0) / n } : null;
  return {
    unitKind: coverage.unitKind as UnitKind,
    unitId: coverage.unitId,
    name: coverage.name,
    outline: gridOutline(squares, GRID_DEGREES),
    center,
    locatedHouseholds: n,
    figures: coverage.figures,
  };
}

/** The unit's households the viewer may locate (full or own access: never analysts), with `located` = how many in all. */
async function locatedHouseholds(ctx: Context, cells: { sql: string; params: unknown[] }, limit: number): Promise<PointRow[]> {
  const visible = where([ctx.scope.visible('household'), notAnalyst(ctx)]);
  return ctx.em.execute<PointRow[]>(
    `with cells as (${cells.sql})
     select t.id, t.cell_id, t.lat, t.lng, (t.priority_flags <> '{}' or t.poverty_status <> 'none') as priority,
            case when a.id is null then 'unassigned' when a.due_on < ?::date then 'overdue' else 'on_time' end as state,
            count(*) over ()::int as located
       from household t join cells on cells.cell_id = t.cell_id
       left join assignment a on a.household_id = t.id and a.ended_on is null
      where t.lat is not null and ${visible.sql}
      order by t.id limit ?`,
    [...cells.params, today(), ...visible.params, limit + 1],
  );
}

async function countLocated(ctx: Context, cells: { sql: string; params: unknown[] }): Promise<number> {
  const visible = where([ctx.scope.visible('household'), notAnalyst(ctx)]);
  const [{ n }] = await ctx.em.execute<{ n: number }[]>(
    `with cells as (${cells.sql}) select count(*)::int as n from household t join cells on cells.cell_id = t.cell_id
      where t.lat is not null and ${visible.sql}`,
    [...cells.params, ...visible.params],
  );
  return n;
}

/** A home's location is personal data (FIELD_POLICY Household.location): analysts see outlines only. */
function notAnalyst(ctx: Context) {
  const access = ctx.scope.access('household');
  return cond(`(${access.sql}) <> 'analyst'`, ...access.params);
}
