import type { EntityName } from '@mikro-orm/core';
import type { Context } from './context.js';
import { pageWindow, toPage, type Page, type PageArgs } from './connection.js';
import { cond, where, type Cond } from './sql.js';

/**
 * A top-level connection within the viewer's scope: keyset pagination on id (ascending, or
 * newest first), one statement for the page and one for `totalCount` only when it is asked for.
 */
export async function findPage<T extends { id: number }>(
  ctx: Context,
  entity: EntityName<T>,
  table: string,
  filters: Cond[],
  args: PageArgs,
  order: 'asc' | 'desc' = 'asc',
): Promise<Page<T>> {
  const window = pageWindow(args);
  const conds = [...filters, ctx.scope.visible(table)];
  const pageConds = window.afterId === undefined ? conds : [...conds, cond(order === 'asc' ? 't.id > ?' : 't.id < ?', window.afterId)];
  const filter = where(pageConds);
  const access = ctx.scope.access(table);
  const rows = await ctx.em.execute<Record<string, unknown>[]>(
    `select t.*, ${access.sql} as gb_access from ${table} t where ${filter.sql} order by t.id ${order} limit ?`,
    [...access.params, ...filter.params, window.limit + 1],
  );
  return toPage(rows.map((row) => ctx.rows.map(entity, row)), window, async () => {
    const all = where(conds);
    const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from ${table} t where ${all.sql}`, all.params);
    return n;
  });
}
