import type { Gql, TestApi } from './api.js';

/**
 * A small world for authorization tests:
 *   P → D → C1 → cells A, B;  P → D → C2 → cell X;  P → D2 → C3 → cell Y;  Q (another province) → CQ → cell Z
 * Each cell has members, households (some assigned), visits and feedback whose personal fields are all filled.
 */
export interface ScopeFixture {
  committees: Record<'P' | 'D' | 'C1' | 'C2' | 'D2' | 'C3' | 'Q' | 'CQ', number>;
  cells: Record<CellName, number>;
  /** Per cell: an active member holding household `h` (visited by `v`, with feedback `f` answered in writing), and a member `m2` holding `h2`. */
  rows: Record<CellName, { m: number; m2: number; h: number; h2: number; v: number; v2: number; f: number; f2: number }>;
  /** Signed-in clients per role. */
  as: Record<RoleName, Gql>;
}

export type CellName = 'A' | 'B' | 'X' | 'Y' | 'Z';
export type RoleName = 'staffD' | 'staffC1' | 'secretaryA' | 'memberA' | 'analystP' | 'admin' | 'anonymous';

export async function buildScopeFixture(api: TestApi): Promise<ScopeFixture> {
  const one = async (text: string, params: unknown[] = []) => (await api.sql<{ id: number }>(text, params))[0].id;
  const committee = (parent: number | null, kind: string, name: string) =>
    one('insert into committee (parent_id, kind, name) values ($1, $2, $3) returning id', [parent, kind, name]);
  const P = await committee(null, 'province', 'Tỉnh P');
  const D = await committee(P, 'district', 'Huyện D');
  const C1 = await committee(D, 'commune', 'Xã C1');
  const C2 = await committee(D, 'commune', 'Xã C2');
  const D2 = await committee(P, 'district', 'Huyện D2');
  const C3 = await committee(D2, 'commune', 'Xã C3');
  const Q = await committee(null, 'province', 'Tỉnh Q');
  const CQ = await committee(Q, 'commune', 'Xã CQ');
  const cellOf: Record<CellName, number> = { A: C1, B: C1, X: C2, Y: C3, Z: CQ };
  const cells = {} as ScopeFixture['cells'];
  const rows = {} as ScopeFixture['rows'];
  for (const name of Object.keys(cellOf) as CellName[]) {
    const cell = await one(`insert into cell (committee_id, kind, name) values ($1, 'village', $2) returning id`, [cellOf[name], `Chi bộ ${name}`]);
    cells[name] = cell;
    const member = () => one(`insert into member (cell_id, full_name, phone, address, health_note) values ($1, $2, '0912 000 111', 'Bản ${name}', 'Tiểu đường') returning id`, [cell, `Đảng viên ${name}`]);
    const household = async () => {
      const h = await one(`insert into household (cell_id, head_name, address, lat, lng) values ($1, $2, 'Bản ${name}', 19.3, 104.5) returning id`, [cell, `Chủ hộ ${name}`]);
      await api.sql(`insert into household_poverty (household_id, status, valid_from, note) values ($1, 'poor', '2024-01-01', 'Quyết định số 12')`, [h]);
      return h;
    };
    const visit = (h: number, m: number) => one(
      `insert into visit (kind, cell_id, household_id, visited_on, recorded_by_member_id, topics, notes, guest_participants)
       values ('home_visit', $1, $2, current_date - 3, $3, '{drinking_water}', 'Gia đình thiếu nước', 'Trưởng bản') returning id`, [cell, h, m]);
    const feedback = async (v: number, h: number) => {
      const f = await one(`insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on) values ($1, $2, $3, 'drinking_water', 'Đề nghị làm bể nước', current_date - 3) returning id`, [v, cell, h]);
      // The settings in the WHERE clause are read by the trigger that logs the step (actor, note).
      await api.sql(`update feedback set status = 'answered_in_writing', answer = 'Đã bố trí kinh phí'
        where id = $1 and set_config('gan_bo.actor', 'fixture', true) is not null and set_config('gan_bo.note', 'ghi chú bước', true) is not null`, [f]);
      return f;
    };
    const m = await member();
    const m2 = await member();
    const h = await household();
    const h2 = await household();
    await api.sql(`insert into assignment (member_id, household_id, mode) values ($1, $2, 'regular'), ($3, $4, 'regular')`, [m, h, m2, h2]);
    const v = await visit(h, m);
    const v2 = await visit(h2, m2);
    await api.sql('insert into visit_participant (visit_id, member_id) values ($1, $2), ($3, $4)', [v, m, v2, m2]);
    rows[name] = { m, m2, h, h2, v, v2, f: await feedback(v, h), f2: await feedback(v2, h2) };
  }
  const as: ScopeFixture['as'] = {
    staffD: await api.account([{ role: 'committee_staff', committeeId: D }]),
    staffC1: await api.account([{ role: 'committee_staff', committeeId: C1 }]),
    secretaryA: await api.account([{ role: 'cell_secretary', cellId: cells.A }]),
    memberA: await api.account([{ role: 'member' }], rows.A.m),
    analystP: await api.account([{ role: 'analyst', committeeId: P }]),
    admin: await api.account([{ role: 'admin' }]),
    anonymous: api.as(null),
  };
  return { committees: { P, D, C1, C2, D2, C3, Q, CQ }, cells, rows, as };
}
