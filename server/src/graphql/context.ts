import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm.js';
import type { SqlCounter } from '../db/sql-counter.js';
import { Scope } from '../auth/scope.js';
import type { Viewer } from '../auth/viewer.js';
import type { TokenService } from '../auth/tokens.js';
import type { Live } from '../live/live.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { createLoaders, type Loaders } from './loaders.js';
import { RowMapper } from './rows.js';

/** What every resolver receives, for HTTP and WebSocket alike: a fresh EntityManager, the viewer's scope, fresh loaders. */
export interface Context {
  em: EntityManager;
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
}

export interface ContextInput {
  tokens: TokenService;
  live?: Live | null;
  savedQueryId?: number | null;
  viewer?: Viewer | null;
  sql?: SqlCounter;
  address?: string;
  userAgent?: string | null;
}

/** After sign-in, the rest of the request (the returned viewer's fields) is resolved as the new viewer. */
export function actAs(ctx: Context, viewer: Viewer): void {
  ctx.viewer = viewer;
  ctx.scope = new Scope(viewer);
  ctx.rows = new RowMapper(ctx.em);
  ctx.loaders = createLoaders(ctx.em, ctx.scope, ctx.rows);
}

export function createContext(orm: Orm, input: ContextInput): Context {
  const em = orm.em.fork() as EntityManager;
  const viewer = input.viewer ?? null;
  const scope = new Scope(viewer);
  const rows = new RowMapper(em);
  return {
    em, viewer, scope, rows,
    loaders: createLoaders(em, scope, rows),
    sql: input.sql ?? { statements: 0 },
    forbidden: new Map(),
    tokens: input.tokens,
    live: input.live ?? null,
    limits: DEFAULT_LIMITS.anonymous,
    cost: null,
    savedQueryId: input.savedQueryId ?? null,
    address: input.address ?? 'unknown',
    userAgent: input.userAgent ?? null,
  };
}
