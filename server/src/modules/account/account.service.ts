import type { Context } from '../../graphql/context.js';
import { DomainError, badInput, notFound } from '../../graphql/errors.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { pageWindow, toPage, type Page, type PageArgs } from '../../graphql/connection.js';
import { hashPassword } from '../../auth/password.js';
import { canAdminister } from '../../auth/policy.js';
import { forbidden } from '../../auth/schema-policy.js';
import { Role } from '../../auth/viewer.js';
import type { Account, CreateAccountInput, GrantRoleInput, RoleBinding } from './account.types.js';
import { toAccount, toBinding, type AccountRow } from './account.mapping.js';

/** A global admin manages every account; a committee admin those with a binding in its subtree (or none yet). */
function manageableAccounts(ctx: Context): { sql: string; params: unknown[] } {
  if (canAdminister(ctx.scope, null)) return { sql: 'true', params: [] };
  return {
    sql: `(not exists (select 1 from role_binding b where b.account_id = a.id) or exists (
             select 1 from role_binding b left join cell c on c.id = b.cell_id
               join committee k on k.id = coalesce(b.committee_id, c.committee_id)
              where b.account_id = a.id and k.path like any(?::text[])))`,
    params: [`{${ctx.scope.adminPrefixes.map((p) => `"${p}"`).join(',')}}`],
  };
}

export async function listAccounts(ctx: Context, args: PageArgs): Promise<Page<Account>> {
  const window = pageWindow(args);
  const scope = manageableAccounts(ctx);
  const rows = await ctx.em.execute<AccountRow[]>(
    `select a.id, a.username, a.display_name, a.disabled_at, a.member_id from account a
      where ${scope.sql} ${window.afterId ? 'and a.id > ?' : ''} order by a.id limit ?`,
    [...scope.params, ...(window.afterId ? [window.afterId] : []), window.limit + 1],
  );
  return toPage(rows.map(toAccount), window, async () => {
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from account a where ${scope.sql}`, scope.params);
    return n;
  });
}

async function unitPath(ctx: Context, committeeId?: number, cellId?: number): Promise<string | null> {
  if (committeeId) {
    const [row] = await ctx.em.execute<{ path: string }[]>('select path from committee where id = ?', [committeeId]);
    if (!row) throw notFound('committeeId');
    return row.path;
  }
  if (cellId) {
    const [row] = await ctx.em.execute<{ path: string }[]>('select k.path from cell c join committee k on k.id = c.committee_id where c.id = ?', [cellId]);
    if (!row) throw notFound('cellId');
    return row.path;
  }
  return null;
}

async function requireManageable(ctx: Context, accountId: number): Promise<void> {
  const scope = manageableAccounts(ctx);
  const [row] = await ctx.em.execute(`select 1 from account a where a.id = ? and ${scope.sql}`, [accountId, ...scope.params]);
  if (!row) throw notFound('accountId');
}

export async function createAccount(ctx: Context, input: CreateAccountInput): Promise<Account> {
  const memberId = parseOptionalId(input.memberId, 'memberId');
  if (memberId && !(await ctx.loaders.member.load(memberId)) && !canAdminister(ctx.scope, null)) throw notFound('memberId');
  const hash = await hashPassword(input.password);
  return inTransaction(ctx, async (em) => {
    const [row] = await em.execute<AccountRow[]>(
      `insert into account (username, display_name, password_hash, member_id) values (?, ?, ?, ?)
       returning id, username, display_name, disabled_at, member_id`,
      [input.username, input.displayName.trim(), hash, memberId ?? null],
    );
    return toAccount(row);
  });
}

export async function grantRole(ctx: Context, input: GrantRoleInput): Promise<RoleBinding> {
  const accountId = parseId(input.accountId, 'accountId');
  const committeeId = parseOptionalId(input.committeeId, 'committeeId');
  const cellId = parseOptionalId(input.cellId, 'cellId');
  const needs = { [Role.COMMITTEE_STAFF]: 'committee', [Role.ANALYST]: 'committee', [Role.CELL_SECRETARY]: 'cell', [Role.MEMBER]: 'none', [Role.ADMIN]: 'optional-committee' }[input.role];
  if (needs === 'committee' && (!committeeId || cellId)) throw badInput('committeeId', 'this role is bound to a committee');
  if (needs === 'cell' && (!cellId || committeeId)) throw badInput('cellId', 'this role is bound to a cell');
  if (needs === 'none' && (committeeId || cellId)) throw badInput('role', 'the member role is bound to the account\'s member');
  if (needs === 'optional-committee' && cellId) throw badInput('cellId', 'an admin is bound globally or to a committee');
  await requireManageable(ctx, accountId);
  const path = await unitPath(ctx, committeeId, cellId);
  if (!canAdminister(ctx.scope, path)) throw forbidden('outside your subtree');
  return inTransaction(ctx, async (em) => {
    const [row] = await em.execute<{ id: number; role: Role; committee_id: number | null; cell_id: number | null }[]>(
      `insert into role_binding (account_id, role, committee_id, cell_id) values (?, ?, ?, ?)
       returning id, role, committee_id, cell_id`,
      [accountId, input.role, committeeId ?? null, cellId ?? null],
    );
    return toBinding(row);
  });
}

export async function revokeRole(ctx: Context, bindingId: string): Promise<boolean> {
  const id = parseId(bindingId, 'roleBindingId');
  const [binding] = await ctx.em.execute<{ account_id: number; committee_id: number | null; cell_id: number | null }[]>(
    'select account_id, committee_id, cell_id from role_binding where id = ?', [id]);
  if (!binding) throw notFound('roleBindingId');
  const path = await unitPath(ctx, binding.committee_id ?? undefined, binding.cell_id ?? undefined);
  if (!canAdminister(ctx.scope, path)) throw notFound('roleBindingId');
  await inTransaction(ctx, (em) => em.execute('delete from role_binding where id = ?', [id]));
  return true;
}

export async function setAccountDisabled(ctx: Context, accountIdArg: string, disabled: boolean): Promise<Account> {
  const accountId = parseId(accountIdArg, 'accountId');
  await requireManageable(ctx, accountId);
  if (accountId === ctx.viewer!.accountId && disabled) throw new DomainError('BAD_USER_INPUT', { field: 'accountId', detail: 'you cannot disable yourself' });
  return inTransaction(ctx, async (em) => {
    const [row] = await em.execute<AccountRow[]>(
      `update account set disabled_at = case when ? then coalesce(disabled_at, now()) end where id = ?
       returning id, username, display_name, disabled_at, member_id`, [disabled, accountId]);
    if (disabled) await em.execute('update account_session set revoked_at = now() where account_id = ? and revoked_at is null', [accountId]);
    return toAccount(row);
  });
}
