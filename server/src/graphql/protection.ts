import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { readThrough, type Context } from './context.js';
import type { SqlPools, SqlRunner } from '../db/pools.js';
import { assess, limitsFor, refusal, type Limits } from './limits.js';
import type { Role } from '../auth/viewer.js';

/** Spends `cost` points of the account's budget for this minute, in one statement; false when it would overdraw. */
export async function spend(db: SqlRunner, accountId: number, cost: number, budget: number): Promise<{ ok: boolean; remaining: number; resetsAt: Date }> {
  const rows = await db.execute<{ spent: number; window_start: string }[]>(
    `insert into query_budget as b (account_id, window_start, spent) values (?::int, date_trunc('minute', now()), ?::int)
     on conflict (account_id) do update set
       spent = case when b.window_start = excluded.window_start then b.spent + excluded.spent else excluded.spent end,
       window_start = excluded.window_start
     where b.window_start <> excluded.window_start or b.spent::bigint + excluded.spent <= ?::bigint
     returning spent, window_start`,
    [accountId, cost, budget],
  );
  const resetsAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000);
  if (!rows[0] || rows[0].spent > budget) return { ok: false, remaining: 0, resetsAt };
  return { ok: true, remaining: budget - rows[0].spent, resetsAt: new Date(Date.parse(rows[0].window_start) + 60_000) };
}

const onlyIntrospection = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'));

/** What a saved-queries-only role may still do besides running saved queries: know who it is, list them, manage its session. */
const OUTSIDE_ALLOW_LIST = new Set(['viewer', 'savedQueries', 'login', 'refreshSession', 'logout', 'changePassword', '__typename']);
const onlySessionFields = (operation: OperationDefinitionNode) =>
  operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && OUTSIDE_ALLOW_LIST.has(s.name.value));

/**
 * Protection of every HTTP operation, decided before it runs and costing the database nothing
 * when it refuses: depth, page sizes and cost against the viewer's limits, the per-account budget
 * per minute, the saved-queries-only mode; then the operation reads on connections that are
 * read-only and carry the role's statement_timeout (pools.ts): a query cannot write, and no
 * statement runs longer than the role allows, at the cost of no statement of its own (no BEGIN,
 * SET or ROLLBACK). The cost and budget left go in `extensions.cost`.
 */
export function protectionPlugin(table: Record<Role | 'anonymous', Limits>, pools: SqlPools): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue: ctx, document, operationName, request, schema, operation }) {
          const limits = limitsFor(ctx.scope, table);
          ctx.limits = limits;
          if (!operation || onlyIntrospection(operation)) return;
          if (limits.savedQueriesOnly && ctx.savedQueryId === null && !onlySessionFields(operation)) {
            throw refusal('SAVED_QUERIES_ONLY', 'Vai trò của bạn chỉ chạy truy vấn đã lưu / Your role may only run saved queries', {}, 403);
          }
          const { cost } = assess(schema, document, operationName ?? undefined, request.variables ?? {}, limits);
          ctx.cost = { requested: cost, maximum: limits.maxCost, budget: null };
          if (ctx.viewer && limits.budgetPerMinute > 0) {
            const budget = await spend(pools.session, ctx.viewer.accountId, cost, limits.budgetPerMinute);
            ctx.cost.budget = { limit: limits.budgetPerMinute, remaining: budget.remaining, resetsAt: budget.resetsAt };
            if (!budget.ok) {
              throw refusal('RATE_LIMITED', `Đã dùng hết điểm truy vấn trong phút này / Query budget spent for this minute`, {
                cost, retryAfterSeconds: Math.max(1, Math.ceil((budget.resetsAt.getTime() - Date.now()) / 1000)), limit: limits.budgetPerMinute,
              }, 429);
            }
          }
          // Mutations read (loaders) there too; their writes keep MikroORM's transactions (transaction.ts).
          readThrough(ctx, pools.reader(limits.statementTimeoutMs), operation.operation === 'query');
        },
        async willSendResponse({ contextValue: ctx, response }) {
          if (ctx.cost && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: ctx.cost };
          }
        },
      };
    },
  };
}
