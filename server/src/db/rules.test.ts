import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../test/db.js';

/** Rules the database enforces by itself, whoever writes: tested with plain SQL. */
let client: pg.Client;
const q = async <T = any>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
const id = async (text: string, params: unknown[] = []) => (await q<{ id: number }>(text, params))[0].id;

beforeAll(async () => {
  client = new pg.Client(await createTestDatabase());
  await client.connect();
});
afterAll(() => client.end());

describe('committee tree', () => {
  test('paths are stored on insert and rewritten for the whole subtree on a move; cycles are refused', async () => {
    const province = await id(`insert into committee (kind, name) values ('province', 'Tỉnh A') returning id`);
    const d1 = await id(`insert into committee (parent_id, kind, name) values ($1, 'district', 'Huyện 1') returning id`, [province]);
    const d2 = await id(`insert into committee (parent_id, kind, name) values ($1, 'district', 'Huyện 2') returning id`, [province]);
    const commune = await id(`insert into committee (parent_id, kind, name) values ($1, 'commune', 'Xã 1') returning id`, [d1]);
    const bloc = await id(`insert into committee (parent_id, kind, name) values ($1, 'grassroots', 'Đảng bộ cơ sở') returning id`, [commune]);
    expect((await q('select path, depth from committee where id = $1', [bloc]))[0]).toEqual({ path: `/${province}/${d1}/${commune}/${bloc}/`, depth: 3 });

    await q('update committee set parent_id = $1 where id = $2', [d2, commune]);
    expect(await q('select id, path, depth from committee where id in ($1, $2) order by depth', [commune, bloc])).toEqual([
      { id: commune, path: `/${province}/${d2}/${commune}/`, depth: 2 },
      { id: bloc, path: `/${province}/${d2}/${commune}/${bloc}/`, depth: 3 },
    ]);
    await expect(q('update committee set parent_id = $1 where id = $2', [bloc, d2])).rejects.toThrow('COMMITTEE_CYCLE');
    await expect(q(`update committee set path = '/x/' where id = $1`, [d2])).rejects.toThrow('COMMITTEE_PATH_READ_ONLY');
  });
});

describe('households', () => {
  test('the current poverty status follows the newest status in force', async () => {
    const committee = await id(`insert into committee (kind, name) values ('commune', 'Xã P') returning id`);
    const cell = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản P') returning id`, [committee]);
    const household = await id(`insert into household (cell_id, head_name, address) values ($1, 'Lương Văn P', 'Bản P') returning id`, [cell]);
    await q(`insert into household_poverty (household_id, status, valid_from) values ($1, 'poor', '2022-01-01'), ($1, 'near_poor', '2024-01-01')`, [household]);
    expect((await q('select poverty_status from household where id = $1', [household]))[0].poverty_status).toBe('near_poor');
    await q(`insert into household_poverty (household_id, status, valid_from) values ($1, 'none', '2025-06-01')`, [household]);
    expect((await q('select poverty_status from household where id = $1', [household]))[0].poverty_status).toBe('none');
    await q(`insert into household_poverty (household_id, status, valid_from) values ($1, 'poor', current_date + 30)`, [household]);
    expect((await q('select poverty_status from household where id = $1', [household]))[0].poverty_status).toBe('none');
  });

  test('a household group must belong to the household\'s cell, and flags come from the list', async () => {
    const committee = await id(`insert into committee (kind, name) values ('commune', 'Xã G') returning id`);
    const a = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản A') returning id`, [committee]);
    const b = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản B') returning id`, [committee]);
    const group = await id(`insert into household_group (cell_id, name) values ($1, 'Nhóm hộ 1') returning id`, [a]);
    await expect(q(`insert into household (cell_id, group_id, head_name, address) values ($1, $2, 'X', 'Y')`, [b, group])).rejects.toThrow('household_group_same_cell_fk');
    await expect(q(`insert into household (cell_id, head_name, address, priority_flags) values ($1, 'X', 'Y', '{rich}')`, [a])).rejects.toThrow('household_priority_flags_check');
  });
});

describe('assignments', () => {
  test("an assignment's cell is its household's: set on insert, carried along when the household moves, never set apart", async () => {
    const committee = await id(`insert into committee (kind, name) values ('commune', 'Xã K') returning id`);
    const a = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản KA') returning id`, [committee]);
    const b = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản KB') returning id`, [committee]);
    const member = await id(`insert into member (cell_id, full_name) values ($1, 'Lò Văn K') returning id`, [a]);
    const household = await id(`insert into household (cell_id, head_name, address) values ($1, 'Lò Thị K', 'Bản KA') returning id`, [a]);
    const other = await id(`insert into household (cell_id, head_name, address) values ($1, 'Vi Văn K', 'Bản KB') returning id`, [b]);
    // A cell given by the writer is overridden by the household's.
    const assignment = await id(`insert into assignment (member_id, household_id, mode, cell_id) values ($1, $2, 'regular', $3) returning id`, [member, household, b]);
    const cellOf = async () => (await q<{ cell_id: number }>('select cell_id from assignment where id = $1', [assignment]))[0].cell_id;
    expect(await cellOf()).toBe(a);
    await q('update household set cell_id = $1 where id = $2', [b, household]);
    expect(await cellOf()).toBe(b);
    await q('update assignment set household_id = $1 where id = $2', [other, assignment]);
    expect(await cellOf()).toBe(b);
    await expect(q('update assignment set cell_id = $1 where id = $2', [a, assignment])).rejects.toThrow('assignment_household_same_cell_fk');
  });
});

describe('classification', () => {
  test('an approved classification is locked; an unapproved one can change', async () => {
    const committee = await id(`insert into committee (kind, name) values ('commune', 'Xã C') returning id`);
    const cell = await id(`insert into cell (committee_id, kind, name) values ($1, 'village', 'Bản C') returning id`, [committee]);
    const member = await id(`insert into member (cell_id, full_name) values ($1, 'Moong Văn C') returning id`, [cell]);
    const record = await id(`insert into member_classification (member_id, year, grade) values ($1, 2025, 'good') returning id`, [member]);
    await q(`update member_classification set grade = 'excellent' where id = $1`, [record]);
    await q(`update member_classification set submitted_at = now() where id = $1`, [record]);
    await expect(q(`update member_classification set grade = 'good' where id = $1`, [record])).rejects.toThrow('CLASSIFICATION_SUBMITTED');
    await q(`update member_classification set approved_at = now(), approved_by = 'Đảng ủy xã' where id = $1`, [record]);
    await expect(q(`update member_classification set grade = 'incomplete' where id = $1`, [record])).rejects.toThrow('CLASSIFICATION_LOCKED');
    await expect(q(`delete from member_classification where id = $1`, [record])).rejects.toThrow('CLASSIFICATION_LOCKED');
    await expect(q(`insert into member_classification (member_id, year, approved_at) values ($1, 2024, now())`, [member])).rejects.toThrow('member_classification_approval_check');
  });
});
