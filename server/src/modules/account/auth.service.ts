import type { EntityManager } from '@mikro-orm/postgresql';
import { actAs, type Context } from '../../graphql/context.js';
import { DomainError } from '../../graphql/errors.js';
import { dummyHash, hashPassword, verifyPassword } from '../../auth/password.js';
import { REFRESH_TOKEN_DAYS, hashRefreshToken, newRefreshToken } from '../../auth/tokens.js';
import { loadViewer } from '../../auth/viewer.js';
import { emRunner } from '../../db/pools.js';
import { unauthenticated } from '../../auth/schema-policy.js';
import { inTransaction } from '../../graphql/transaction.js';
import type { Session } from './account.types.js';
import { toViewerType } from './account.mapping.js';

/** Failed sign-ins allowed in the window, per account and per client address. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

async function checkRateLimit(em: EntityManager, username: string, address: string): Promise<void> {
  const [row] = await em.execute<{ by_user: number; by_address: number; retry_after: number | null }[]>(
    `with recent as (
       select * from login_attempt where at > now() - make_interval(mins => ?) and not success
     ), by_user as (
       select at from recent where lower(username) = lower(?)
          and at > coalesce((select max(at) from login_attempt where lower(username) = lower(?) and success), '-infinity')
     ), by_address as (select at from recent where address = ?)
     select (select count(*)::int from by_user) as by_user, (select count(*)::int from by_address) as by_address,
            ceil(extract(epoch from (least((select min(at) from by_user), (select min(at) from by_address))
                 + make_interval(mins => ?) - now())))::int as retry_after`,
    [LOGIN_LIMITS.windowMinutes, username, username, address, LOGIN_LIMITS.windowMinutes],
  );
  if (row.by_user >= LOGIN_LIMITS.perAccount || row.by_address >= LOGIN_LIMITS.perAddress) {
    throw new DomainError('RATE_LIMITED', { extensions: { retryAfterSeconds: Math.max(1, row.retry_after ?? 60) } });
  }
}

async function openSession(ctx: Context, em: EntityManager, accountId: number): Promise<Session> {
  const refresh = newRefreshToken();
  const [session] = await em.execute<{ id: string }[]>(
    `insert into account_session (account_id, refresh_hash, expires_at, user_agent, address)
     values (?, ?, now() + make_interval(days => ?), ?, ?) returning id`,
    [accountId, refresh.hash, REFRESH_TOKEN_DAYS, ctx.userAgent?.slice(0, 300) ?? null, ctx.address],
  );
  return issue(ctx, em, accountId, session.id, refresh.token);
}

async function issue(ctx: Context, em: EntityManager, accountId: number, sessionId: string, refreshToken: string): Promise<Session> {
  const { token, expiresAt } = await ctx.tokens.sign(accountId, sessionId);
  const viewer = await loadViewer(emRunner(em), { accountId, sessionId, expiresAt });
  if (!viewer) throw unauthenticated();
  actAs(ctx, viewer);
  return { accessToken: token, accessTokenExpiresAt: expiresAt, refreshToken, viewer: toViewerType(viewer) };
}

export async function login(ctx: Context, username: string, password: string): Promise<Session> {
  const em = ctx.em;
  await checkRateLimit(em, username, ctx.address);
  const [account] = await em.execute<{ id: number; password_hash: string; disabled_at: string | null }[]>(
    'select id, password_hash, disabled_at from account where lower(username) = lower(?)', [username]);
  const ok = await verifyPassword(password, account?.password_hash ?? (await dummyHash()));
  await em.execute('insert into login_attempt (username, address, success) values (?, ?, ?)', [username.slice(0, 64), ctx.address, ok && !!account]);
  if (!account || !ok) throw new DomainError('INVALID_CREDENTIALS');
  if (account.disabled_at) throw new DomainError('ACCOUNT_DISABLED');
  return openSession(ctx, em, account.id);
}

/**
 * Rotates a refresh token: the old one stops working at once. A token that was already rotated
 * coming back is a copy in someone else's hands: the whole session ends (reuse detection).
 */
export async function refreshSession(ctx: Context, refreshToken: string): Promise<Session> {
  const next = newRefreshToken();
  const presented = hashRefreshToken(refreshToken);
  const [session] = await ctx.em.execute<{ id: string; account_id: number }[]>(
    `update account_session s set refresh_hash = ?, previous_refresh_hash = s.refresh_hash, last_used_at = now()
       from account a
      where s.refresh_hash = ? and s.revoked_at is null and s.expires_at > now()
        and a.id = s.account_id and a.disabled_at is null
      returning s.id, s.account_id`,
    [next.hash, presented],
  );
  if (!session) {
    await ctx.em.execute('update account_session set revoked_at = now() where previous_refresh_hash = ? and revoked_at is null', [presented]);
    throw unauthenticated();
  }
  return issue(ctx, ctx.em, session.account_id, session.id, next.token);
}

export async function logout(ctx: Context, refreshToken?: string | null): Promise<boolean> {
  if (refreshToken) {
    await ctx.em.execute('update account_session set revoked_at = now() where refresh_hash = ? and revoked_at is null', [hashRefreshToken(refreshToken)]);
  } else if (ctx.viewer) {
    await ctx.em.execute('update account_session set revoked_at = now() where id = ?::uuid and revoked_at is null', [ctx.viewer.sessionId]);
  }
  return true;
}

export async function changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<boolean> {
  const viewer = ctx.viewer!;
  if (newPassword.toLowerCase().includes(viewer.username.toLowerCase()) || new Set(newPassword).size < 5) {
    throw new DomainError('WEAK_PASSWORD');
  }
  return inTransaction(ctx, async (em) => {
    const [account] = await em.execute<{ password_hash: string }[]>('select password_hash from account where id = ? for update', [viewer.accountId]);
    if (!(await verifyPassword(currentPassword, account.password_hash))) throw new DomainError('INVALID_CREDENTIALS', { field: 'currentPassword' });
    await em.execute('update account set password_hash = ?, password_changed_at = now() where id = ?', [await hashPassword(newPassword), viewer.accountId]);
    await em.execute('update account_session set revoked_at = now() where account_id = ? and id <> ?::uuid and revoked_at is null', [viewer.accountId, viewer.sessionId]);
    return true;
  });
}
