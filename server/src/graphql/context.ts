import type { CommitteePaths } from './committee-paths.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm.js';
import type { SqlCounter } from '../db/sql-counter.js';
import { emRunner, type SqlRunner } from '../db/pools.js';
import { Scope } from '../auth/scope.js';
import type { Viewer } from '../auth/viewer.js';
import type { TokenService } from '../auth/tokens.js';
import type { Live } from '../live/live.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RowMapper } from './rows.js';

/** What every resolver receives, for HTTP and WebSocket alike: a fresh EntityManager, the viewer's scope, fresh loaders. */
export interface Context {
  /** MikroORM's EntityManager: writes and their transactions; in a query operation, a read-only view (see readOnly). */
  em: EntityManager;
  /** Where reads go (loaders, lists): the em until the protection plugin hands the request its read-only pool. */
  db: SqlRunner;
  viewer: Viewer | null;
  scope: Scope;
  rows: RowMapper;
  loaders: Loaders;
  sql: SqlCounter;
  /** Fields masked by the field policy in this response, with how many values were hidden. */
  forbidden: Map<string, number>;
  /** Signs access tokens (login, refresh). */
  tokens: TokenService;
  /** Live updates of this process (subscriptions); null in contexts that serve none. */
  live: Live | null;
  /** Limits of the viewer's roles (set when the operation is known). */
  limits: Limits;
  /** Cost of this operation and the account's budget left, reported in `extensions.cost`. */
  cost: { requested: number; maximum: number; budget: { limit: number; remaining: number; resetsAt: Date } | null } | null;
  /** The saved query this request runs, if it names one (`extensions.savedQueryId`). */
  savedQueryId: number | null;
  /** Client address, for login rate limiting. */
  address: string;
  userAgent: string | null;
  /** Committees' paths kept by the process (null: read them through the loaders). */
  committeePaths: CommitteePaths | null;
}

export interface ContextInput {
  tokens: TokenService;
  live?: Live | null;
  savedQueryId?: number | null;
  viewer?: Viewer | null;
  sql?: SqlCounter;
  address?: string;
  userAgent?: string | null;
  committeePaths?: CommitteePaths | null;
}

/** After sign-in, the rest of the request (the returned viewer's fields) is resolved as the new viewer. */
export function actAs(ctx: Context, viewer: Viewer): void {
  ctx.viewer = viewer;
  ctx.scope = new Scope(viewer);
  ctx.rows = new RowMapper(ctx.em);
  ctx.loaders = createLoaders(ctx.db, ctx.scope, ctx.rows);
}

/**
 * From here on the request reads through `reader` (read-only connections under the role's
 * statement_timeout). For a query operation every statement goes there, whatever issues it
 * (loaders, lists, aggregates, coverage): the em becomes a view that executes on the reader and
 * refuses to open a transaction.
 */
export function readThrough(ctx: Context, reader: SqlRunner, query: boolean): void {
  ctx.db = reader;
  if (query) ctx.em = readOnly(ctx.em, reader);
  ctx.loaders = createLoaders(ctx.db, ctx.scope, ctx.rows);
}

function readOnly(em: EntityManager, reader: SqlRunner): EntityManager {
  const view = Object.create(em) as EntityManager;
  view.execute = ((sql: string, params?: unknown[]) => reader.execute(sql, params)) as EntityManager['execute'];
  const refuse = () => { throw new Error('a query operation does not write'); };
  view.transactional = refuse as EntityManager['transactional'];
  view.begin = refuse as EntityManager['begin'];
  return view;
}

export function createContext(orm: Orm, input: ContextInput): Context {
  const em = orm.em.fork() as EntityManager;
  const viewer = input.viewer ?? null;
  const scope = new Scope(viewer);
  const rows = new RowMapper(em);
  const db = emRunner(em);
  return {
    em, db, viewer, scope, rows,
    loaders: createLoaders(db, scope, rows),
    sql: input.sql ?? { statements: 0 },
    forbidden: new Map(),
    tokens: input.tokens,
    live: input.live ?? null,
    limits: DEFAULT_LIMITS.anonymous,
    cost: null,
    savedQueryId: input.savedQueryId ?? null,
    address: input.address ?? 'unknown',
    userAgent: input.userAgent ?? null,
    committeePaths: input.committeePaths ?? null,
  };
}
