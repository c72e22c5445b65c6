import type { EntityName } from '@mikro-orm/core';
import type { Context } from './context.js';
import { pageWindow, toPage, type Page, type PageArgs } from './connection.js';
import { cond, intArray, where, type Cond } from './sql.js';
import { BY_KEY } from '../db/pools.js';
import { badInput } from './errors.js';
import { includeSql, primeIncludes, type Include } from './prefetch.js';

/**
 * A top-level connection within the viewer's scope: keyset pagination on id (ascending, or
 * newest first), one statement for the page and one for `totalCount` only when it is asked for.
 */
/** Order of a list by a column: keyset pagination on (expression, id), both in one direction. */
export interface SortKey {
  /** SQL on alias `t`, never null (coalesce nullable columns). */
  expr: string;
  direction: 'asc' | 'desc';
}

export async function findPage<T extends { id: number }>(
  ctx: Context,
  entity: EntityName<T>,
  table: string,
  filters: Cond[],
  args: PageArgs,
  order: 'asc' | 'desc' | SortKey = 'asc',
  options: {
    /** Related rows to fetch along with the page (prefetch.ts: what the query selects below its nodes). */
    include?: Include[];
    /** The filters keep the rows to this committee subtree (path prefix), by the row's cell. */
    within?: string;
  } = {},
): Promise<Page<T>> {
  const include = options.include ?? [];
  const window = pageWindow(args);
  const sort: SortKey = typeof order === 'string' ? { expr: 't.id', direction: order } : order;
  const byId = sort.expr === 't.id';
  const op = sort.direction === 'asc' ? '>' : '<';
  // Rows of a unit the viewer reads whole need no visibility predicate (Scope.visibleWithin).
  const conds = options.within && ctx.scope.visibleWithin(table, options.within) ? filters : [...filters, ctx.scope.visible(table)];
  let pageConds = conds;
  if (window.afterId !== undefined) {
    if (!byId && window.afterValue === undefined) throw badInput('after', 'the cursor belongs to another order');
    pageConds = [...conds, byId ? cond(`t.id ${op} ?`, window.afterId) : cond(`(${sort.expr}, t.id) ${op} (?, ?)`, window.afterValue, window.afterId)];
  }
  const filter = where(pageConds);
  const access = ctx.scope.access(table);
  const rows = await ctx.db.execute<Record<string, unknown>[]>(
    `select t.*, ${access.sql} as gb_access${byId ? '' : `, (${sort.expr})::text as gb_sort`} from ${table} t
      where ${filter.sql} order by ${byId ? '' : `${sort.expr} ${sort.direction}, `}t.id ${sort.direction} limit ?`,
    [...access.params, ...filter.params, window.limit + 1],
  );
  if (include.length && rows.length) {
    // Related rows in a second statement by the page's ids, planned once per connection: in the
    // page's statement they would be planned again with it on every request.
    const along = includeSql(ctx.scope, ctx.rows, include);
    const related = await ctx.db.execute<Record<string, unknown>[]>(
      `select t.id${along.select} from ${table} t${along.from} where t.id = any(?::int[])`,
      [...along.params, intArray(rows.map((row) => Number(row.id)))], BY_KEY);
    const byRow = new Map(related.map((row) => [Number(row.id), row]));
    for (const row of rows) Object.assign(row, byRow.get(Number(row.id)));
    primeIncludes(ctx.loaders, ctx.rows, include, rows);
  }
  const sortValues = new WeakMap<object, string>();
  const nodes = rows.map((row) => {
    // The mapper reads the entity's columns only (not gb_sort).
    const node = ctx.rows.map(entity, row);
    if (!byId) sortValues.set(node, row.gb_sort as string);
    return node;
  });
  return toPage(nodes, window, async () => {
    const all = where(conds);
    const [{ n }] = await ctx.db.execute<{ n: number }[]>(`select count(*)::int as n from ${table} t where ${all.sql}`, all.params);
    return n;
  }, byId ? undefined : (node) => sortValues.get(node) ?? null);
}
