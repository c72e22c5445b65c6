import type { EntityName } from '@mikro-orm/core';
import type { Context } from './context.js';
import { pageWindow, toPage, type Page, type PageArgs } from './connection.js';
import { cond, findMapped, where, type Cond } from './sql.js';

/**
 * A top-level connection: keyset pagination on id (ascending, or newest first),
 * one statement for the page and one for `totalCount` only when it is asked for.
 */
export async function findPage<T extends { id: number }>(
  ctx: Context,
  entity: EntityName<T>,
  table: string,
  conds: Cond[],
  args: PageArgs,
  order: 'asc' | 'desc' = 'asc',
): Promise<Page<T>> {
  const window = pageWindow(args);
  const pageConds = window.afterId === undefined ? conds : [...conds, cond(order === 'asc' ? 't.id > ?' : 't.id < ?', window.afterId)];
  const filter = where(pageConds);
  const rows = await findMapped(
    ctx.em,
    entity,
    `select t.* from ${table} t where ${filter.sql} order by t.id ${order} limit ?`,
    [...filter.params, window.limit + 1],
  );
  return toPage(rows, window, async () => {
    const all = where(conds);
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from ${table} t where ${all.sql}`, all.params);
    return n;
  });
}
