import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase } from '../test/db.js';
import { arrayLiteral, copyRows } from './copy.js';
import { generateDemo } from './generate.js';
import { loadDemo, type LoadResult } from './load.js';

const REFERENCE_DATE = '2026-10-31';
const OPTIONS = { scale: 'demo' as const, seed: 7, referenceDate: REFERENCE_DATE };

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(url);
  await client.connect();
  return client;
}

async function value<T = number>(client: pg.Client, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await client.query(sql, params);
  return Object.values(rows[0])[0] as T;
}

describe('the demo scale', () => {
  let url: string;
  let db: pg.Client;
  let result: LoadResult;
  const log: string[] = [];

  beforeAll(async () => {
    url = await createTestDatabase();
    result = await loadDemo(url, { ...OPTIONS, log: (line) => log.push(line) });
    db = await connect(url);
  });
  afterAll(async () => {
    await db?.end();
  });

  test('loads every table and reports counts and progress', async () => {
    expect(result.scale).toBe('demo');
    for (const [table, count] of Object.entries(result.rows)) {
      expect(count, table).toBeGreaterThan(0);
      expect(await value(db, `select count(*)::int from ${table}`), table).toBe(count);
    }
    expect(log.some((line) => /visits \d+/.test(line))).toBe(true);
    const paths = await db.query(`select name, path, depth from committee order by id`);
    expect(paths.rows[0]).toMatchObject({ name: 'Tỉnh Nghệ An', path: '/1/', depth: 0 });
    expect(paths.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Huyện Tương Dương', 'Xã Hữu Khuông']));
    expect(paths.rows).toHaveLength(6);
    const box = await db.query(`select min(lat) as s, max(lat) as n, min(lng) as w, max(lng) as e from household`);
    expect(box.rows[0].s).toBeGreaterThan(19.15);
    expect(box.rows[0].n).toBeLessThan(19.45);
    expect(box.rows[0].w).toBeGreaterThan(104.25);
    expect(box.rows[0].e).toBeLessThan(104.75);
    // Members who work in one commune and live in another: residence cell there, non-regular here.
    expect(await value(db, `
      select count(*)::int from member m join cell c on c.id = m.cell_id join cell r on r.id = m.residence_cell_id
       where r.committee_id <> c.committee_id and not m.lives_in_commune`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from member where phone !~ '^0[0-9]{3} [0-9]{3} [0-9]{3}$'`)).toBe(0);
  });

  test('Hữu Khuông has the figures of the article', async () => {
    const { rows } = await db.query(`
      select count(distinct c.id)::int as cells,
             count(m.id)::int as members,
             count(distinct c.id) filter (where c.kind = 'village')::int as village_cells,
             count(m.id) filter (where c.kind = 'village')::int as village_members,
             count(m.id) filter (where m.status = 'exempt')::int as exempt
        from committee co join cell c on c.committee_id = co.id left join member m on m.cell_id = c.id
       where co.name = 'Xã Hữu Khuông'`);
    expect(rows[0]).toEqual({ cells: 11, members: 143, village_cells: 7, village_members: 66, exempt: 5 });
    const villages = await db.query(`select c.name from cell c join committee co on co.id = c.committee_id where co.name = 'Xã Hữu Khuông' and c.kind = 'village'`);
    for (const { name } of villages.rows) expect(name).toMatch(/^Chi bộ bản /);
    expect(await value(db, `select count(*)::int from member where status = 'exempt' and exempt_reason is null`)).toBe(0);
  });

  test('no exempt member holds an active assignment, and every mode matches where the member lives', async () => {
    expect(await value(db, `select count(*)::int from assignment a join member m on m.id = a.member_id where a.ended_on is null and m.status <> 'active'`)).toBe(0);
    expect(await value(db, `
      select count(*)::int from assignment a join member m on m.id = a.member_id
       where a.ended_on is null and a.mode <> case when m.lives_in_commune then 'regular' else 'non_regular' end`)).toBe(0);
    expect(await value(db, `select count(*)::int from assignment where ended_on is null and mode = 'non_regular'`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from assignment where ended_on is not null`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from household h where not exists (select 1 from assignment a where a.household_id = h.id and a.ended_on is null)`)).toBeGreaterThan(0);
    // The household's commune is the member's (cell or residence cell): the assignment trigger's rule.
    expect(await value(db, `
      select count(*)::int from assignment a join member m on m.id = a.member_id
        join household h on h.id = a.household_id join cell hc on hc.id = h.cell_id
       where hc.committee_id not in (select committee_id from cell where id in (m.cell_id, m.residence_cell_id))`)).toBe(0);
  });

  test('a meaningful share of active assignments is overdue against its effective policy, most are on time', async () => {
    const { rows } = await db.query(`
      with active as (
        select a.id, a.last_visit_on, a.started_on, (select case when a.mode = 'regular' then p.regular_interval_days else p.non_regular_interval_days end
                       from visit_policy p join committee pc on pc.id = p.committee_id
                      where co.path like pc.path || '%' order by pc.depth desc limit 1) as interval_days
          from assignment a join household h on h.id = a.household_id join cell c on c.id = h.cell_id
          join committee co on co.id = c.committee_id
         where a.ended_on is null)
      select count(*)::int as total,
             count(*) filter (where coalesce(last_visit_on, started_on) < $1::date - interval_days)::int as overdue,
             count(*) filter (where last_visit_on >= $1::date - interval_days)::int as on_time,
             count(*) filter (where last_visit_on is null)::int as never,
             count(distinct interval_days)::int as policies
        from active`, [REFERENCE_DATE]);
    const { total, overdue, on_time, never, policies } = rows[0];
    expect(overdue / total).toBeGreaterThanOrEqual(0.1);
    expect(on_time / total).toBeGreaterThan(0.6);
    expect(never).toBeGreaterThan(0);
    expect(policies).toBe(2);
    expect(await value(db, `select max(visited_on)::text from visit`)).toBe(REFERENCE_DATE);
    expect(await value(db, `select count(*)::int from visit where visited_on <= $1::date - 365`, [REFERENCE_DATE])).toBe(0);
    expect(await value(db, `select count(distinct kind)::int from visit`)).toBe(3);
    expect(await value(db, `select count(*)::int from visit where kind = 'delegation' and guest_participants is not null`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from visit where hot_spot`)).toBeGreaterThan(0);
  });

  test('feedback exists in every status with an ordered, consistent history', async () => {
    const statuses = await db.query(`select status, level, count(*)::int as n from feedback group by 1, 2`);
    const seen = new Set(statuses.rows.map((r) => r.status));
    for (const s of ['raised', 'answered_on_the_spot', 'escalated', 'answered_in_writing', 'closed']) expect(seen, s).toContain(s);
    const escalated = statuses.rows.filter((r) => r.status === 'escalated').map((r) => r.level);
    expect(escalated).toEqual(expect.arrayContaining(['commune', 'district']));
    // Each event starts where the previous one ended, later in time; the last one is the current state.
    expect(await value(db, `
      with e as (select e.*, lag(to_status) over w as prev_status, lag(to_level) over w as prev_level, lag(at) over w as prev_at,
                        row_number() over w as n, count(*) over (partition by feedback_id) as total
                   from feedback_event e window w as (partition by feedback_id order by at, id))
      select count(*)::int from e join feedback f on f.id = e.feedback_id
       where (e.n = 1 and (e.from_status is not null or e.to_status <> 'raised' or e.at <> f.created_at))
          or (e.n > 1 and (e.from_status is distinct from e.prev_status or e.from_level is distinct from e.prev_level or e.at <= e.prev_at))
          or (e.n = e.total and (e.to_status <> f.status or e.to_level <> f.level or e.at <> f.updated_at))`)).toBe(0);
    expect(await value(db, `select count(*)::int from feedback f where not exists (select 1 from feedback_event e where e.feedback_id = f.id)`)).toBe(0);
    expect(await value(db, `select count(*)::int from feedback_event where (at at time zone 'Asia/Ho_Chi_Minh')::date > $1::date`, [REFERENCE_DATE])).toBe(0);
    expect(await value(db, `select count(*)::int from feedback where status = 'closed' and closed_at is null`)).toBe(0);
    expect(await value(db, `select count(*)::int from feedback f join visit v on v.id = f.visit_id where f.raised_on <> v.visited_on or not (f.topic = any (v.topics))`)).toBe(0);
  });

  test('derived columns equal what the triggers compute', async () => {
    expect(await value(db, `
      select count(*)::int from household h
       where h.last_visit_on is distinct from (select max(visited_on) from visit v where v.household_id = h.id)`)).toBe(0);
    expect(await value(db, `
      select count(*)::int from assignment a
       where a.last_visit_on is distinct from (select max(visited_on) from visit v where v.assignment_id = a.id)`)).toBe(0);
    expect(await value(db, `
      select count(*)::int from assignment a
       where a.ended_on is null and a.interval_days <> gb_interval_days(a.household_id, a.mode)`)).toBe(0);
    expect(await value(db, `
      select count(*)::int from household h
       where h.poverty_status <> coalesce((select status from household_poverty p where p.household_id = h.id
                                           and p.valid_from <= current_date order by valid_from desc limit 1), 'none')`)).toBe(0);
    // A home visit belongs to the assignment that held the household on that day.
    expect(await value(db, `
      select count(*)::int from visit v left join assignment a on a.id = v.assignment_id
       where v.kind = 'home_visit' and (a.id is null or a.household_id <> v.household_id or v.visited_on < a.started_on
             or v.visited_on > coalesce(a.ended_on, $1::date))`, [REFERENCE_DATE])).toBe(0);
    expect(await value(db, `select count(*)::int from household_poverty where status = 'poor'`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from member_classification where approved_at is not null`)).toBeGreaterThan(0);
    expect(await value(db, `select count(*)::int from residence_rating r join member m on m.id = r.member_id where r.cell_id <> m.residence_cell_id`)).toBe(0);
  });

  test('loading into a database that has data is refused and changes nothing', async () => {
    const before = await value(db, `select count(*)::int from visit`);
    await expect(loadDemo(url, OPTIONS)).rejects.toThrow(/already has \d+ committees/);
    expect(await value(db, `select count(*)::int from visit`)).toBe(before);
  });

  describe('a second load with the same seed and reference date', () => {
    let other: pg.Client;
    beforeAll(async () => {
      const otherUrl = await createTestDatabase();
      await loadDemo(otherUrl, OPTIONS);
      other = await connect(otherUrl);
    });
    afterAll(async () => {
      await other?.end();
    });

    test('gives identical content', async () => {
      const queries = [
        `select id, parent_id, kind, name, code, path, depth from committee`,
        `select id, committee_id, kind, name from cell`,
        `select id, cell_id, residence_cell_id, full_name, gender, birth_year, party_joined_on, status, exempt_reason, lives_in_commune, phone, address from member`,
        `select id, cell_id, group_id, head_name, address, lat, lng, size, priority_flags, poverty_status, last_visit_on from household`,
        `select * from assignment`,
        `select * from visit`,
        `select * from feedback_event`,
        `select id, member_id, year, grade, comment, submitted_at, approved_at, approved_by from member_classification`,
      ];
      for (const q of queries) {
        const sql = `select md5(string_agg(t::text, E'\\n' order by t::text)) from (${q}) t`;
        expect(await value<string>(other, sql), q).toBe(await value<string>(db, sql));
      }
    });

    test('leaves triggers enabled and sequences after the explicit ids', async () => {
      const target = await other.query(`
        select a.id, a.household_id, h.cell_id, a.member_id from assignment a join household h on h.id = a.household_id
         where a.ended_on is null and a.last_visit_on < '2026-10-01' order by a.id limit 1`);
      const a = target.rows[0];
      const visit = await other.query(
        `insert into visit (kind, cell_id, household_id, visited_on) values ('home_visit', $1, $2, '2026-11-01') returning id, assignment_id`,
        [a.cell_id, a.household_id]);
      expect(visit.rows[0].assignment_id).toBe(a.id);
      expect(visit.rows[0].id).toBe((await value(other, `select max(id)::int from visit`)));
      expect(await value<string>(other, `select last_visit_on::text from assignment where id = $1`, [a.id])).toBe('2026-11-01');
      expect(await value<string>(other, `select last_visit_on::text from household where id = $1`, [a.household_id])).toBe('2026-11-01');
      await other.query(`insert into household_poverty (household_id, status, valid_from) values ($1, 'poor', '2026-11-02')`, [a.household_id]);
      expect(await value<string>(other, `select poverty_status from household where id = $1`, [a.household_id])).toBe('poor');
      const feedback = await other.query(
        `insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on) values ($1, $2, $3, 'traffic', 'Đề nghị sửa đường', '2026-11-01') returning id`,
        [visit.rows[0].id, a.cell_id, a.household_id]);
      expect(await value(other, `select count(*)::int from feedback_event where feedback_id = $1`, [feedback.rows[0].id])).toBe(1);
      const exempt = await value(other, `select id from member where status = 'exempt' limit 1`);
      await expect(other.query(`insert into assignment (member_id, household_id, mode) values ($1, $2, 'regular')`, [exempt, a.household_id]))
        .rejects.toThrow(/MEMBER_EXEMPT/);
      const committee = await other.query(`insert into committee (parent_id, kind, name) values (2, 'commune', 'Xã Thử Nghiệm') returning id, path`);
      expect(committee.rows[0].path).toBe(`/1/2/${committee.rows[0].id}/`);
    });
  });
});

describe('the generator', () => {
  test('is deterministic and streams unit by unit', () => {
    const first = generateDemo(OPTIONS);
    const second = generateDemo(OPTIONS);
    const a = [...first.batches()];
    const b = [...second.batches()];
    expect(a.length).toBe(4);
    expect(JSON.stringify(a.map((x) => x.batch))).toBe(JSON.stringify(b.map((x) => x.batch)));
    const otherSeed = [...generateDemo({ ...OPTIONS, seed: 8 }).batches()];
    expect(JSON.stringify(otherSeed.map((x) => x.batch.member))).not.toBe(JSON.stringify(a.map((x) => x.batch.member)));
  });

  test('defaults the reference date to today', () => {
    expect(generateDemo({ scale: 'demo' }).referenceDate).toBe(new Date().toISOString().slice(0, 10));
    expect(() => generateDemo({ scale: 'demo', referenceDate: '2026-02-30' })).toThrow(/calendar date/);
  });
});

describe('COPY encoding', () => {
  test('round-trips tabs, newlines, backslashes, quotes and array elements', async () => {
    const client = await connect(await createTestDatabase());
    try {
      await client.query(`create temp table t (id int, s text, a text[])`);
      const rows = [
        { id: 1, s: 'tab\there\nnew line \\ back\\slash \r end', a: ['plain', 'with space', 'com,ma', 'quo"te', 'back\\slash', '', 'NULL', '{x}'] },
        { id: 2, s: null, a: [] },
        { id: 3, s: '\\N', a: ['Nhóm hộ số 1'] },
      ];
      expect(await copyRows(client, 't', ['id', 's', 'a'], rows)).toBe(3);
      const back = await client.query(`select id, s, a from t order by id`);
      expect(back.rows).toEqual(rows);
      expect(arrayLiteral(['a b'])).toBe('{"a b"}');
    } finally {
      await client.end();
    }
  });
});
