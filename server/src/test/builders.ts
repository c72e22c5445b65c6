import type { TestApi } from './api.js';

type Sql = TestApi['sql'];

/**
 * Readable test data: `const seed = builders(api.sql, api.rootId); const commune = await seed.committee(...)`.
 * Rows go in through SQL, so every database rule applies to them too.
 */
/** Shared by every builder of the process, so generated names never collide. */
let n = 0;
const next = () => ++n;

export function builders(sql: Sql, rootId: number | null = null) {
  const one = async (text: string, params: unknown[]) => (await sql<{ id: number }>(text, params))[0].id;
  return {
    committee: (o: { parentId?: number; kind?: string; name?: string } = {}) =>
      one('insert into committee (parent_id, kind, name) values ($1, $2, $3) returning id',
        [o.parentId ?? rootId, o.kind ?? (o.parentId ? 'commune' : 'district'), o.name ?? `Cấp ủy ${next()}`]),
    policy: (committeeId: number, regular: number, nonRegular = regular) =>
      sql('insert into visit_policy (committee_id, regular_interval_days, non_regular_interval_days) values ($1, $2, $3)', [committeeId, regular, nonRegular]),
    cell: (committeeId: number, o: { kind?: string; name?: string } = {}) =>
      one('insert into cell (committee_id, kind, name) values ($1, $2, $3) returning id', [committeeId, o.kind ?? 'village', o.name ?? `Chi bộ bản ${next()}`]),
    member: (cellId: number, o: { status?: 'active' | 'exempt'; livesInCommune?: boolean; residenceCellId?: number; name?: string } = {}) =>
      one(`insert into member (cell_id, full_name, status, exempt_reason, lives_in_commune, residence_cell_id, phone, health_note)
           values ($1, $2, $3, $4, $5, $6, '0912 345 678', 'Huyết áp cao') returning id`,
        [cellId, o.name ?? `Lô Văn ${next()}`, o.status ?? 'active', o.status === 'exempt' ? 'age' : null, o.livesInCommune ?? true, o.residenceCellId ?? null]),
    household: (cellId: number, o: { flags?: string[]; name?: string } = {}) =>
      one(`insert into household (cell_id, head_name, address, lat, lng, size, priority_flags)
           values ($1, $2, 'Bản Xốp Mạt, xã Hữu Khuông', 19.3, 104.5, 4, $3::text[]) returning id`,
        [cellId, o.name ?? `Vi Thị ${next()}`, `{${(o.flags ?? []).join(',')}}`]),
    assignment: (memberId: number, householdId: number, o: { mode?: string; startedOn?: string } = {}) =>
      one(`insert into assignment (member_id, household_id, mode, started_on) values ($1, $2, $3, coalesce($4::date, current_date)) returning id`,
        [memberId, householdId, o.mode ?? 'regular', o.startedOn ?? null]),
    visit: (cellId: number, householdId: number | null, visitedOn: string, o: { kind?: string; memberId?: number } = {}) =>
      one(`insert into visit (kind, cell_id, household_id, visited_on, recorded_by_member_id, topics) values ($1, $2, $3, $4, $5, '{drinking_water}') returning id`,
        [o.kind ?? (householdId ? 'home_visit' : 'group_activity'), cellId, householdId, visitedOn, o.memberId ?? null]),
  };
}

export type Builders = ReturnType<typeof builders>;

export const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
