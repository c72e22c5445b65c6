import { describe, expect, it } from 'vitest';
import { fetchAllPages, FetchCancelled, TooManyRows, type ConnectionPage, type Refusal } from './fetch-all';

class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

const refusalOf = (error: unknown) => (error instanceof Refused ? error.refusal : null);

/** An API of `total` numbered rows whose pages may be at most `maxPage` long. */
function api(total: number, maxPage = 1000) {
  const calls: { after: string | null; first: number }[] = [];
  const fetchPage = async (after: string | null, first: number): Promise<ConnectionPage<number>> => {
    calls.push({ after, first });
    if (first > maxPage) throw new Refused({ code: 'PAGE_SIZE_TOO_LARGE', maximum: maxPage });
    const start = after ? Number(after) : 0;
    const nodes = Array.from({ length: Math.max(0, Math.min(first, total - start)) }, (_, i) => start + i + 1);
    const end = start + nodes.length;
    return { nodes, totalCount: total, pageInfo: { hasNextPage: end < total, endCursor: String(end) } };
  };
  return { fetchPage, calls };
}

describe('fetchAllPages', () => {
  it('follows the cursors to the last page and reports progress', async () => {
    const { fetchPage, calls } = api(250);
    const progress: [number, number][] = [];
    const rows = await fetchAllPages(fetchPage, { pageSize: 100, limit: 50_000, refusalOf, onProgress: (done, total) => progress.push([done, total]) });
    expect(rows).toHaveLength(250);
    expect(rows.at(-1)).toBe(250);
    expect(calls.map((call) => call.after)).toEqual([null, '100', '200']);
    expect(progress).toEqual([
      [100, 250],
      [200, 250],
      [250, 250],
    ]);
  });

  it('asks again with the page size the role allows', async () => {
    const { fetchPage, calls } = api(250, 200);
    const rows = await fetchAllPages(fetchPage, { pageSize: 500, limit: 50_000, refusalOf });
    expect(rows).toHaveLength(250);
    expect(calls.map((call) => call.first)).toEqual([500, 200, 200]);
  });

  it('refuses a list over the limit after the first page, before fetching the rest', async () => {
    const { fetchPage, calls } = api(60_000);
    await expect(fetchAllPages(fetchPage, { pageSize: 500, limit: 50_000, refusalOf })).rejects.toEqual(new TooManyRows(60_000, 50_000));
    expect(calls).toHaveLength(1);
  });

  it('waits for the budget when the API says so, then goes on', async () => {
    let refused = false;
    const { fetchPage } = api(30);
    const waited: number[] = [];
    const rows = await fetchAllPages(
      async (after, first) => {
        if (after === '10' && !refused) {
          refused = true;
          throw new Refused({ code: 'RATE_LIMITED', retryAfterSeconds: 7 });
        }
        return fetchPage(after, first);
      },
      { pageSize: 10, limit: 100, refusalOf, sleep: async (ms) => void waited.push(ms), onWait: () => undefined },
    );
    expect(rows).toHaveLength(30);
    expect(waited).toEqual([7000]);
  });

  it('stops when cancelled, between pages or while waiting', async () => {
    const controller = new AbortController();
    const { fetchPage, calls } = api(300);
    const run = fetchAllPages(
      async (after, first) => {
        const page = await fetchPage(after, first);
        if (after === '100') controller.abort();
        return page;
      },
      { pageSize: 100, limit: 50_000, refusalOf, signal: controller.signal },
    );
    await expect(run).rejects.toBeInstanceOf(FetchCancelled);
    expect(calls).toHaveLength(2);
  });

  it('passes other errors on', async () => {
    const failing = async (): Promise<ConnectionPage<number>> => {
      throw new Error('offline');
    };
    await expect(fetchAllPages(failing, { pageSize: 10, limit: 100, refusalOf })).rejects.toThrow('offline');
  });
});
