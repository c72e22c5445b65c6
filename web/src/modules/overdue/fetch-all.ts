/** One page of a cursor connection. */
export interface ConnectionPage<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** A refusal of the API's query limits, with what it says to do next. */
export interface Refusal {
  code: string;
  maximum?: number;
  retryAfterSeconds?: number;
}

export class TooManyRows extends Error {
  constructor(
    readonly total: number,
    readonly limit: number,
  ) {
    super(`${total} rows, more than ${limit}`);
  }
}

export class FetchCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface FetchAllOptions {
  pageSize: number;
  /** Refuse up front when the list is longer than this. */
  limit: number;
  signal?: AbortSignal;
  onProgress?: (fetched: number, total: number) => void;
  /** The API asked to wait (its per-minute budget is spent): seconds before the next try. */
  onWait?: (seconds: number) => void;
  refusalOf: (error: unknown) => Refusal | null;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Waits, or stops waiting as soon as the signal is aborted. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new FetchCancelled());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(new FetchCancelled());
    };
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Waits for a spent budget to come back at most this many times in a row. */
const MAX_WAITS = 5;

/**
 * Every row of a connection, page after page by cursor. It adapts to the viewer's limits instead of
 * knowing them: a page too large or too costly is asked again smaller, a spent budget is waited for.
 */
export async function fetchAllPages<T>(fetchPage: (after: string | null, first: number) => Promise<ConnectionPage<T>>, options: FetchAllOptions): Promise<T[]> {
  const { signal, refusalOf } = options;
  const sleep = options.sleep ?? abortableSleep;
  const rows: T[] = [];
  let pageSize = options.pageSize;
  let after: string | null = null;
  let waits = 0;
  for (;;) {
    if (signal?.aborted) throw new FetchCancelled();
    let page: ConnectionPage<T>;
    try {
      page = await fetchPage(after, pageSize);
    } catch (error) {
      if (signal?.aborted) throw new FetchCancelled();
      const refusal = refusalOf(error);
      if (refusal?.code === 'PAGE_SIZE_TOO_LARGE' && pageSize > 1) {
        pageSize = refusal.maximum && refusal.maximum < pageSize ? refusal.maximum : Math.floor(pageSize / 2);
        continue;
      }
      if (refusal?.code === 'QUERY_TOO_COSTLY' && pageSize > 1) {
        pageSize = Math.floor(pageSize / 2);
        continue;
      }
      if (refusal?.code === 'RATE_LIMITED' && waits < MAX_WAITS) {
        waits += 1;
        const seconds = Math.max(1, refusal.retryAfterSeconds ?? 10);
        options.onWait?.(seconds);
        await sleep(seconds * 1000, signal);
        continue;
      }
      throw error;
    }
    waits = 0;
    if (page.totalCount > options.limit) throw new TooManyRows(page.totalCount, options.limit);
    rows.push(...page.nodes);
    options.onProgress?.(rows.length, Math.max(page.totalCount, rows.length));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || page.nodes.length === 0) return rows;
    after = page.pageInfo.endCursor;
  }
}
