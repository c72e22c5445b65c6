import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context.js';
import { fromDatabaseError } from './errors.js';

/**
 * Runs a write in one transaction: either everything or nothing is stored. The actor and an
 * optional note are visible to triggers (feedback history) through transaction-local settings.
 * Database rule violations leave as DomainErrors with their stable code.
 */
export async function inTransaction<T>(ctx: Context, fn: (em: EntityManager) => Promise<T>, note?: string | null): Promise<T> {
  try {
    return await ctx.em.transactional(async (em) => {
      await em.execute(`select set_config('gan_bo.actor', ?, true), set_config('gan_bo.note', ?, true)`, [ctx.actor ?? '', note ?? '']);
      return fn(em as EntityManager);
    });
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}
