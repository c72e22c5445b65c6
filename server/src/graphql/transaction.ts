import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from './context.js';
import { fromDatabaseError } from './errors.js';
import { createLoaders } from './loaders.js';

/**
 * Runs a write in one transaction: either everything or nothing is stored. The actor and an
 * optional note are visible to triggers (feedback history) through transaction-local settings.
 * Database rule violations leave as DomainErrors with their stable code.
 */
export async function inTransaction<T>(ctx: Context, fn: (em: EntityManager) => Promise<T>, note?: string | null): Promise<T> {
  try {
    const result = await ctx.em.transactional(async (em) => {
      await em.execute(
        `select set_config('gan_bo.actor', ?, true), set_config('gan_bo.account_id', ?, true), set_config('gan_bo.note', ?, true),
                set_config('statement_timeout', ?, true)`,
        [ctx.viewer?.username ?? '', ctx.viewer ? String(ctx.viewer.accountId) : '', note ?? '', String(ctx.limits.statementTimeoutMs)],
      );
      return fn(em as EntityManager);
    });
    // What the request loaded before the write is stale now: later fields read afresh.
    ctx.loaders = createLoaders(ctx.db, ctx.scope, ctx.rows);
    return result;
  } catch (error) {
    throw fromDatabaseError(error) ?? error;
  }
}
