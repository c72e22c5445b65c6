import pg from 'pg';
import { hashPassword } from '../auth/password.js';

/** The password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'gan-bo-demo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  unit: string;
}

/**
 * One demo account per role, bound to units of the demo district (Huyện Tương Dương, Nghệ An).
 * The member accounts are members of Chi bộ bản Xốp Mạt (Xã Hữu Khuông) holding households.
 */
export async function seedDemoAccounts(databaseUrl: string): Promise<DemoAccount[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const one = async (sql: string, params: unknown[] = []) => {
      const { rows } = await client.query(sql, params);
      if (!rows[0]) throw new Error(`demo accounts: nothing for ${sql} ${JSON.stringify(params)}`);
      return rows[0];
    };
    const province = await one(`select id from committee where name = 'Tỉnh Nghệ An' and parent_id is null`);
    const district = await one(`select id from committee where name = 'Huyện Tương Dương'`);
    const commune = await one(`select id from committee where name = 'Xã Hữu Khuông' and parent_id = $1`, [district.id]);
    const cell = await one(`select id from cell where committee_id = $1 and name = 'Chi bộ bản Xốp Mạt'`, [commune.id]);
    // The member account shows an overdue household when the cell has a member with one (the first journey to try).
    const holders = (await client.query<{ id: number; full_name: string; overdue: boolean }>(
      `select m.id, m.full_name,
              exists (select 1 from assignment a where a.member_id = m.id and a.ended_on is null and a.due_on < current_date) as overdue
         from member m
        where m.cell_id = $1 and m.status = 'active' and m.lives_in_commune
          and exists (select 1 from assignment a where a.member_id = m.id and a.ended_on is null)
        order by m.id`, [cell.id])).rows;
    const secretary = holders[0];
    const member = holders.slice(1).find((holder) => holder.overdue) ?? holders[1];
    if (!member) throw new Error('demo accounts: Xốp Mạt needs two members holding households');
    const hash = await hashPassword(DEMO_PASSWORD);
    const accounts: (DemoAccount & { memberId?: number; bindings: [string, number | null, number | null][] })[] = [
      { username: 'admin', displayName: 'Quản trị hệ thống', role: 'ADMIN', unit: 'toàn hệ thống', bindings: [['admin', null, null]] },
      { username: 'huyen.tuongduong', displayName: 'Văn phòng Huyện ủy Tương Dương', role: 'COMMITTEE_STAFF', unit: 'Huyện Tương Dương', bindings: [['committee_staff', district.id, null]] },
      { username: 'xa.huukhuong', displayName: 'Văn phòng Đảng ủy xã Hữu Khuông', role: 'COMMITTEE_STAFF', unit: 'Xã Hữu Khuông', bindings: [['committee_staff', commune.id, null]] },
      { username: 'bithu.xopmat', displayName: secretary.full_name, role: 'CELL_SECRETARY + MEMBER', unit: 'Chi bộ bản Xốp Mạt', memberId: secretary.id, bindings: [['cell_secretary', null, cell.id], ['member', null, null]] },
      { username: 'dangvien.xopmat', displayName: member.full_name, role: 'MEMBER', unit: 'Chi bộ bản Xốp Mạt', memberId: member.id, bindings: [['member', null, null]] },
      { username: 'phantich.nghean', displayName: 'Ban Tổ chức Tỉnh ủy (phân tích)', role: 'ANALYST', unit: 'Tỉnh Nghệ An', bindings: [['analyst', province.id, null]] },
    ];
    for (const account of accounts) {
      const { id } = await one(
        `insert into account (username, display_name, password_hash, member_id) values ($1, $2, $3, $4)
         on conflict do nothing returning id`, [account.username, account.displayName, hash, account.memberId ?? null]);
      for (const [role, committeeId, cellId] of account.bindings) {
        await client.query('insert into role_binding (account_id, role, committee_id, cell_id) values ($1, $2, $3, $4)', [id, role, committeeId, cellId]);
      }
    }
    await client.query('commit');
    return accounts.map(({ username, displayName, role, unit }) => ({ username, displayName, role, unit }));
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}
