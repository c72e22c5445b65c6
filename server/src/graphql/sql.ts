import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityDictionary, EntityName } from '@mikro-orm/core';

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

/** Runs raw SQL and maps the rows to managed entities (merged into the request's identity map). */
export async function findMapped<T extends object>(em: EntityManager, entity: EntityName<T>, sql: string, params: unknown[]): Promise<T[]> {
  const rows = await em.execute<Record<string, unknown>[]>(sql, params);
  return rows.map((row) => mapRow(em, entity, row));
}

/**
 * Maps one raw row (column names) to a managed entity. Relations stay references: the merge
 * does not cascade into them, nor validate what the database just returned.
 */
export function mapRow<T extends object>(em: EntityManager, entity: EntityName<T>, row: object): T {
  // em.map passes its options on to em.merge, whose `cascade` and `validate` its type omits.
  return em.map(entity, row as EntityDictionary<T>, { cascade: false, validate: false } as { schema?: string });
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
