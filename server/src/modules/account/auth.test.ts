import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SignJWT } from 'jose';
import { startTestApi, TEST_PASSWORD, type TestApi } from '../../test/api.js';
import { builders } from '../../test/builders.js';
import { hashPassword } from '../../auth/password.js';

let api: TestApi;
let hash: string;

beforeAll(async () => {
  api = await startTestApi();
  hash = await hashPassword(TEST_PASSWORD);
});
afterAll(() => api.close());

const LOGIN = `mutation ($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { accessToken accessTokenExpiresAt refreshToken viewer { account { username displayName } roles { role committee { name } } } } }`;
let n = 0;
async function account(roles: [string, number][] = []) {
  const username = `can.bo.${++n}`;
  const [{ id }] = await api.sql<{ id: number }>(`insert into account (username, display_name, password_hash) values ($1, 'Cán bộ', $2) returning id`, [username, hash]);
  for (const [role, committeeId] of roles) await api.sql('insert into role_binding (account_id, role, committee_id) values ($1, $2, $3)', [id, role, committeeId]);
  return { id, username };
}
const anonymous = () => api.as(null);
const login = async (username: string, password = TEST_PASSWORD) => anonymous()(LOGIN, { u: username, p: password });

describe('login', () => {
  test('returns a short-lived access token, a refresh token and the viewer with roles', async () => {
    const { username } = await account([['committee_staff', api.rootId]]);
    const res = await login(username);
    expect(res.errors).toBeUndefined();
    const session = res.data!.login;
    expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(Date.parse(session.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    expect(session.viewer.roles).toEqual([{ role: 'COMMITTEE_STAFF', committee: { name: 'Tỉnh Kiểm Thử' } }]);
    const viewer = await api.as(session.accessToken)('{ viewer { account { username } } }');
    expect(viewer.data!.viewer.account.username).toBe(username);
  });

  test('a wrong password and an unknown account get the same INVALID_CREDENTIALS', async () => {
    const { username } = await account();
    const wrong = await login(username, 'sai-mật-khẩu');
    const unknown = await login('khong.ton.tai', 'sai-mật-khẩu');
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'password' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'password' });
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  test('five failures lock the account for a while, even with the right password', async () => {
    const { username } = await account();
    for (let i = 0; i < 5; i++) expect((await login(username, `sai-${i}`)).errors![0].extensions!.code).toBe('INVALID_CREDENTIALS');
    const locked = await login(username);
    expect(locked.errors![0].extensions!.code).toBe('RATE_LIMITED');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(800);
  });

  test('twenty failures from one address lock that address for every account', async () => {
    const { username } = await account();
    for (let i = 0; i < 20; i++) await login(`ke.do.tham.${i % 4}`, 'đoán-mò');
    expect((await login(username)).errors![0].extensions!.code).toBe('RATE_LIMITED');
    await api.sql(`delete from login_attempt where address <> 'nowhere'`);
  });

  test('a disabled account cannot sign in and its tokens stop working at once', async () => {
    const { id, username } = await account([['committee_staff', api.rootId]]);
    const token = (await login(username)).data!.login.accessToken;
    await api.sql('update account set disabled_at = now() where id = $1', [id]);
    expect((await api.as(token)('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await login(username)).errors![0].extensions!.code).toBe('ACCOUNT_DISABLED');
  });
});

describe('tokens and sessions', () => {
  test('data queries without a token, or with a forged or expired one, are UNAUTHENTICATED', async () => {
    expect((await anonymous()('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const forged = await new SignJWT({ sid: '00000000-0000-0000-0000-000000000000' }).setProtectedHeader({ alg: 'HS256' })
      .setSubject('1').setIssuer('gan-bo').setAudience('gan-bo').setExpirationTime('10m').sign(new TextEncoder().encode('x'.repeat(48)));
    expect((await api.as(forged)('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const [{ value }] = await api.sql<{ value: string }>(`select value from app_secret where name = 'jwt'`);
    const { username } = await account([['committee_staff', api.rootId]]);
    const session = (await login(username)).data!.login;
    const sid = JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url').toString()).sid;
    const expired = await new SignJWT({ sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(String((await api.sql('select id from account where username = $1', [username]))[0].id))
      .setIssuer('gan-bo').setAudience('gan-bo').setExpirationTime(Math.floor(Date.now() / 1000) - 5).sign(new TextEncoder().encode(value));
    expect((await api.as(expired)('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.as(expired)('{ viewer { account { id } } }')).data!.viewer).toBeNull();
  });

  test('refreshing rotates the refresh token: the old one stops working', async () => {
    const { username } = await account([['committee_staff', api.rootId]]);
    const first = (await login(username)).data!.login;
    const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
    const second = await anonymous()(REFRESH, { t: first.refreshToken });
    expect(second.errors).toBeUndefined();
    expect(second.data!.refreshSession.refreshToken).not.toBe(first.refreshToken);
    expect((await api.as(second.data!.refreshSession.accessToken)('{ committees { id } }')).errors).toBeUndefined();
    expect((await anonymous()(REFRESH, { t: first.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  test('a rotated refresh token used again ends the session: neither copy refreshes, its access token stops', async () => {
    const { username } = await account([['committee_staff', api.rootId]]);
    const first = (await login(username)).data!.login;
    const REFRESH = `mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
    const owner = (await anonymous()(REFRESH, { t: first.refreshToken })).data!.refreshSession;
    const other = (await login(username)).data!.login;
    // Someone replays the stolen first token.
    expect((await anonymous()(REFRESH, { t: first.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await anonymous()(REFRESH, { t: owner.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await api.as(owner.accessToken)('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    // Other sessions of the account are not touched.
    expect((await anonymous()(REFRESH, { t: other.refreshToken })).errors).toBeUndefined();
  });

  test('logout ends the session: its access token stops working before it expires', async () => {
    const { username } = await account([['committee_staff', api.rootId]]);
    const session = (await login(username)).data!.login;
    expect((await api.as(session.accessToken)('mutation { logout }')).data!.logout).toBe(true);
    expect((await api.as(session.accessToken)('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await anonymous()(`mutation ($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: session.refreshToken })).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  test('changing the password checks the current one, refuses weak ones, and ends the other sessions', async () => {
    const { username } = await account([['committee_staff', api.rootId]]);
    const mine = api.as((await login(username)).data!.login.accessToken);
    const other = api.as((await login(username)).data!.login.accessToken);
    const CHANGE = `mutation ($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) }`;
    expect((await mine(CHANGE, { c: 'sai-mật-khẩu', n: 'một-mật-khẩu-mới' })).errors![0].extensions).toMatchObject({ code: 'INVALID_CREDENTIALS', field: 'currentPassword' });
    expect((await mine(CHANGE, { c: TEST_PASSWORD, n: 'ngắn' })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await mine(CHANGE, { c: TEST_PASSWORD, n: `${username}-2026` })).errors![0].extensions).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    expect((await mine(CHANGE, { c: TEST_PASSWORD, n: 'một-mật-khẩu-mới' })).data!.changePassword).toBe(true);
    expect((await mine('{ committees { id } }')).errors).toBeUndefined();
    expect((await other('{ committees { id } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await login(username, 'một-mật-khẩu-mới')).errors).toBeUndefined();
  });
});

describe('audit log', () => {
  test('every write is logged with its actor; committee staff read their subtree only; analysts cannot read it', async () => {
    const seed = builders(api.sql, api.rootId);
    const district = await seed.committee();
    const otherDistrict = await seed.committee();
    const cell = await seed.cell(await seed.committee({ parentId: district }));
    const staff = await api.account([{ role: 'committee_staff', committeeId: district }]);
    const otherStaff = await api.account([{ role: 'committee_staff', committeeId: otherDistrict }]);
    const analyst = await api.account([{ role: 'analyst', committeeId: district }]);
    const member = await seed.member(cell);
    const household = await seed.household(cell);
    const assigned = await staff(`mutation ($m: ID!, $h: ID!) { assignHousehold(input: { memberId: $m, householdId: $h }) { id } }`, { m: member, h: household });
    const id = assigned.data!.assignHousehold.id;
    const LOG = `query ($c: ID) { auditLog(committeeId: $c, tableName: "assignment", first: 10) { nodes { actor tableName rowId operation changes } } }`;
    const entries = (await staff(LOG, {})).data!.auditLog.nodes;
    expect(entries).toContainEqual(expect.objectContaining({ tableName: 'assignment', rowId: id, operation: 'insert', actor: expect.stringMatching(/^tester/) }));
    expect(entries.find((e: any) => e.rowId === id).changes).toMatchObject({ member_id: member, household_id: household, mode: 'regular' });
    expect((await otherStaff(LOG, {})).data!.auditLog.nodes.find((e: any) => e.rowId === id)).toBeUndefined();
    expect((await otherStaff(LOG, { c: district })).errors![0].extensions!.code).toBe('NOT_FOUND');
    expect((await analyst(LOG, {})).errors![0].extensions!.code).toBe('FORBIDDEN');
    const secret = await api.sql(`select changes from audit_log where table_name = 'account' limit 1`);
    expect(JSON.stringify(secret)).not.toContain('password_hash');
  });
});
