import pg from 'pg';
import type { AccessClaims } from './tokens.js';
import { loadViewerSession, type Viewer } from './viewer.js';
import type { SqlRunner } from '../db/pools.js';

/** The channel the auth triggers announce changes on (Migration20261123051000_auth_notify). */
export const AUTH_CHANNEL = 'gb_auth';
/** A viewer is read again after this long even if no change was announced (a safety net, not the mechanism). */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 50_000;

interface Entry {
  viewer: Viewer;
  sessionExpiresAt: number;
  loadedAt: number;
}

/**
 * Viewers of live sessions kept in memory, so a request does not read its session, account and
 * role bindings again: every change to those commits a notification on `gb_auth` (triggers), and
 * this process's LISTEN connection drops the account's viewers when it arrives, from whichever
 * process made the change. Mutations of this process that may change a viewer drop them all when
 * they finish (`forgetAll`), before their answer is sent, so a sign-out or a disabled account is
 * refused by the very next request. Without the LISTEN connection (lost, reconnecting), nothing
 * is kept and every request reads the database, as without the cache.
 */
export class ViewerCache {
  private readonly entries = new Map<string, Entry>();
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  /** Bumped by every change: a viewer read before a change is not kept after it. */
  private generation = 0;
  /** Called when everything must be read again (a change to many accounts or units, the channel lost). */
  private readonly onForgetAll: (() => void)[] = [];

  constructor(private readonly databaseUrl: string, private readonly db: SqlRunner, private readonly log: (line: string) => void = () => {}) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'gan-bo auth' });
    client.on('notification', (message) => {
      if (message.channel === AUTH_CHANNEL) this.forget(message.payload ?? '*');
    });
    client.on('error', (error) => this.lost(error));
    client.on('end', () => this.lost(new Error('connection ended')));
    await client.connect();
    await client.query(`listen ${AUTH_CHANNEL}`);
    this.client = client;
    this.forgetAll();
    this.listening = true;
  }

  private lost(error: Error): void {
    this.listening = false;
    this.forgetAll();
    if (this.stopped || this.retry) return;
    this.log(`auth: LISTEN connection lost (${error.message}); viewers are read from the database until it is back`);
    this.client = null;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().catch((e: Error) => this.lost(e));
    }, 1000);
  }

  /** The viewer of verified claims: from memory while nothing it depends on changed, else from the database. */
  async viewer(claims: AccessClaims): Promise<Viewer | null> {
    const now = Date.now();
    const entry = this.entries.get(claims.sessionId);
    if (entry && entry.viewer.accountId === claims.accountId && now < entry.sessionExpiresAt && now - entry.loadedAt < MAX_AGE_MS) {
      return { ...entry.viewer, tokenExpiresAt: claims.expiresAt };
    }
    const generation = this.generation;
    const loaded = await loadViewerSession(this.db, claims);
    if (!loaded) {
      this.entries.delete(claims.sessionId);
      return null;
    }
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(claims.sessionId, { ...loaded, loadedAt: now });
    }
    return loaded.viewer;
  }

  /** Whether changes are being heard: what is kept in memory may be used. */
  get usable(): boolean {
    return this.listening;
  }

  /** Runs `listener` whenever everything kept must be read again (for other caches on the same channel). */
  onForgetEverything(listener: () => void): void {
    this.onForgetAll.push(listener);
  }

  /** Drops the viewers of one account (`'*'`: of all). */
  forget(accountId: string): void {
    this.generation++;
    if (accountId === '*') {
      this.entries.clear();
      for (const listener of this.onForgetAll) listener();
      return;
    }
    const id = Number(accountId);
    for (const [session, entry] of this.entries) if (entry.viewer.accountId === id) this.entries.delete(session);
  }

  forgetAll(): void {
    this.forget('*');
  }

  get size(): number {
    return this.entries.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
