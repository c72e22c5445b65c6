import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import type { Context } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';
import { LiveBus, pushIterator } from './bus.js';
import { CoverageCache, CoverageHub, type CoverageReport, type UnitRef } from './coverage.js';
import type { LiveEvent } from './events.js';

export interface EventFilter {
  /** Committee path prefix the event must fall under. */
  path?: string;
  cellId?: number;
}

/**
 * Live updates for one server process: events from the LISTEN connection, filtered in memory
 * by each subscriber's scope, rows loaded once per event and shared by every subscriber.
 */
export class Live {
  readonly coverage: CoverageHub;
  /** Figures shared by the readers of the `coverage` query. */
  readonly coverageCache: CoverageCache;
  /** Keyed by the event object itself: one read per notification, shared by every subscriber. */
  private readonly rows = new WeakMap<LiveEvent, Promise<Record<string, unknown> | undefined>>();
  private readonly stopHub: () => void;

  constructor(readonly bus: LiveBus, private readonly fork: () => EntityManager) {
    this.coverageCache = new CoverageCache(fork);
    this.coverage = new CoverageHub(fork, this.coverageCache);
    this.stopHub = bus.subscribe((event) => this.coverage.onEvent(event));
  }

  /** The changed row, read once per event for all subscribers of this process. */
  private row(event: LiveEvent): Promise<Record<string, unknown> | undefined> {
    let row = this.rows.get(event);
    if (!row) {
      row = this.fork().execute<Record<string, unknown>[]>(`select * from ${event.type} where id = ?`, [event.id]).then((r) => r[0]);
      this.rows.set(event, row);
    }
    return row;
  }

  /** Rows of one type changed, as entities of the subscriber's own context, with its access. */
  changes<T extends object>(ctx: Context, type: LiveEvent['type'], entity: EntityName<T>, filter: EventFilter): AsyncIterableIterator<T> {
    return pushIterator<T>((push) => this.bus.subscribe(async (event) => {
      if (event.type !== type || event.id === 0) return;
      if (filter.cellId && event.cellId !== filter.cellId) return;
      if (filter.path && !event.path.startsWith(filter.path)) return;
      const access = ctx.scope.accessToEvent(event.cellId, event.path, event.memberIds);
      if (!access) return;
      const row = await this.row(event);
      if (!row) return;
      // Nested fields of this payload read afresh, through the subscriber's own scope.
      ctx.loaders = createLoaders(ctx.db, ctx.scope, ctx.rows);
      ctx.em.clear();
      push(ctx.rows.map(entity, { ...row, gb_access: access }));
    }));
  }

  coverageOf(unit: UnitRef): AsyncIterableIterator<CoverageReport> {
    return pushIterator<CoverageReport>((push) => this.coverage.watch(unit, push));
  }

  async stop(): Promise<void> {
    this.stopHub();
    await this.bus.stop();
  }
}
