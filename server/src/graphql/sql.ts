
/** A SQL condition with its `?` parameters. */
export interface Cond {
  sql: string;
  params: unknown[];
}

export const cond = (sql: string, ...params: unknown[]): Cond => ({ sql, params });

/** A PostgreSQL int[] literal, bound as one parameter (`= any(?::int[])`). */
export const intArray = (ids: readonly number[]): string => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

export function where(conds: Cond[]): { sql: string; params: unknown[] } {
  if (conds.length === 0) return { sql: 'true', params: [] };
  return { sql: conds.map((c) => `(${c.sql})`).join(' and '), params: conds.flatMap((c) => c.params) };
}

/** Groups items by a numeric key, in the order of `keys`. */
export function groupBy<T>(keys: readonly number[], items: T[], keyOf: (item: T) => number): T[][] {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
