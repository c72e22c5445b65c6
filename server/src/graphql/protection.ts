import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { readThrough, type Context } from './context.js';
import type { SqlPools, SqlRunner } from '../db/pools.js';
import { assess, limitsFor, refusal, type Limits } from './limits.js';
import type { Role } from '../auth/viewer.js';

/** Spends `cost` points of the account's budget for this minute, in one statement; false when it would overdraw. */
export async function spend(db: SqlRunner, accountId: number, cost: number, budget: number): Promise<{ ok: boolean; spent: number; windowStart: number }> {
  const rows = await db.execute<{ spent: number; window_start: string }[]>(
    `insert into query_budget as b (account_id, window_start, spent) values (?::int, date_trunc('minute', now()), ?::bigint)
     on conflict (account_id) do update set
       spent = case when b.window_start = excluded.window_start then b.spent + excluded.spent else excluded.spent end,
       window_start = excluded.window_start
     where b.window_start <> excluded.window_start or b.spent::bigint + excluded.spent <= ?::bigint
     returning spent::float8 as spent, window_start`,
    [accountId, cost, budget],
  );
  if (!rows[0] || rows[0].spent > budget) return { ok: false, spent: budget, windowStart: Math.floor(Date.now() / 60_000) * 60_000 };
  return { ok: true, spent: rows[0].spent, windowStart: Date.parse(rows[0].window_start) };
}

/** Share of a budget a process takes from the database at a time (so 1 request in ~20 writes, not each). */
const LEASE_SHARE = 20;

interface Lease {
  windowStart: number;
  /** Points taken from the database this minute and not yet spent here. */
  held: number;
  /** The account's spending of this minute as the database last said (all processes). */
  spent: number;
}

/**
 * The per-account budget per minute, spent through leases: a process takes a share of the budget
 * from `query_budget` at a time (one statement) and spends it in memory, taking more when it runs
 * out. In one process the refusal comes exactly when the minute's spending would pass the budget
 * (a lease is topped up, never dropped, and the last one is the exact cost); with several
 * processes, points another process still holds count as spent until the minute ends.
 */
export class BudgetLeases {
  private readonly leases = new Map<number, Lease>();
  /** One lease taken at a time per account: parallel requests wait for it instead of each taking one. */
  private readonly taking = new Map<number, Promise<unknown>>();

  constructor(private readonly db: SqlRunner) {}

  async spend(accountId: number, cost: number, budget: number): Promise<{ ok: boolean; remaining: number; resetsAt: Date }> {
    for (let tookOwn = false; ; ) {
      // After its own lease, a request spends from it even if the clocks disagree on the minute.
      const lease = tookOwn ? this.leases.get(accountId) : this.current(accountId);
      if (lease && lease.held >= cost) {
        lease.held -= cost;
        return { ok: true, remaining: budget - lease.spent + lease.held, resetsAt: new Date(lease.windowStart + 60_000) };
      }
      const pending = this.taking.get(accountId);
      if (pending) {
        await pending;
        continue;
      }
      const taking = this.take(accountId, lease, cost, budget);
      this.taking.set(accountId, taking);
      try {
        const refused = await taking;
        if (refused) return refused;
        tookOwn = true;
      } finally {
        this.taking.delete(accountId);
      }
    }
  }

  private current(accountId: number): Lease | undefined {
    const lease = this.leases.get(accountId);
    return lease && Date.now() < lease.windowStart + 60_000 ? lease : undefined;
  }

  /** Tops the lease up to a share of the budget (at least `cost`), or to exactly `cost`; the refusal when neither fits. */
  private async take(accountId: number, lease: Lease | undefined, cost: number, budget: number) {
    const held = lease?.held ?? 0;
    let amount = Math.max(cost, Math.ceil(budget / LEASE_SHARE)) - held;
    let taken = await spend(this.db, accountId, amount, budget);
    if (!taken.ok && amount > cost - held) taken = await spend(this.db, accountId, (amount = cost - held), budget);
    if (!taken.ok) return { ok: false, remaining: 0, resetsAt: new Date(taken.windowStart + 60_000) };
    // A lease of an earlier minute (by the database's clock) is void: its points were that minute's.
    const kept = lease && lease.windowStart === taken.windowStart ? held : 0;
    if (this.leases.size >= 100_000) this.leases.clear();
    this.leases.set(accountId, { windowStart: taken.windowStart, held: Math.max(kept + amount, cost), spent: taken.spent });
    return null;
  }
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
  const leases = new BudgetLeases(pools.session);
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
            const budget = await leases.spend(ctx.viewer.accountId, cost, limits.budgetPerMinute);
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
