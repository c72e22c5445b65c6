import { EventEmitter } from 'node:events';
import pg from 'pg';
import { CHANNEL, type LiveEvent } from './events.js';

/**
 * One LISTEN connection per server process: every committed change, from any process on the
 * same database, arrives here and is fanned out in memory to this process's subscribers.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(private readonly databaseUrl: string, private readonly log: (line: string) => void = () => {}) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: 'gan-bo-live' });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      try {
        for (const event of JSON.parse(message.payload) as LiveEvent[]) this.emitter.emit('event', event);
      } catch (error) {
        this.log(`live: bad notification ignored: ${String(error)}`);
      }
    });
    client.on('error', (error) => this.reconnect(error));
    client.on('end', () => this.reconnect(new Error('connection ended')));
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    this.client = client;
  }

  private reconnect(error: Error): void {
    if (this.stopped || this.retry) return;
    this.log(`live: LISTEN connection lost (${error.message}); reconnecting`);
    this.client = null;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.start().then(() => this.emitter.emit('resync'), (e: Error) => this.reconnect(e));
    }, 1000);
  }

  /** Calls `listener` for every event; returns the function that stops it. */
  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  get listenerCount(): number {
    return this.emitter.listenerCount('event');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

/** An async iterator over pushed values, ending cleanly when the consumer returns (unsubscribes). */
export function pushIterator<T>(start: (push: (value: T) => void) => () => void): AsyncIterableIterator<T> {
  const queue: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | null = null;
  let done = false;
  const stop = start((value) => {
    if (done) return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value, done: false });
    } else if (queue.length < 1000) {
      queue.push(value);
    }
  });
  const finish = (): Promise<IteratorResult<T>> => {
    if (!done) {
      done = true;
      stop();
      waiting?.({ value: undefined, done: true });
      waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next: () => {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => { waiting = resolve; });
    },
    return: finish,
    throw: async (error) => { await finish(); throw error; },
    [Symbol.asyncIterator]() { return this; },
  };
}
