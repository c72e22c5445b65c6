import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../db/orm.js';
import type { SqlCounter } from '../db/sql-counter.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver receives, for HTTP and WebSocket alike: a fresh EntityManager and fresh loaders. */
export interface Context {
  em: EntityManager;
  loaders: Loaders;
  sql: SqlCounter;
  /** Who acts, recorded with every write (accounts arrive with authorization). */
  actor: string | null;
}

export function createContext(orm: Orm, sql: SqlCounter = { statements: 0 }): Context {
  const em = orm.em.fork() as EntityManager;
  return { em, loaders: createLoaders(em), sql, actor: null };
}
