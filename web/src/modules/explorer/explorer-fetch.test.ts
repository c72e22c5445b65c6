import { describe, expect, it, vi } from 'vitest';
import { createExplorerFetch, operationNameIn } from './explorer-fetch';

const json = (status: number, body: unknown) => ({
  status,
  headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
  json: async () => body,
});

function fakeAuth(token = 'old') {
  return {
    getAccessToken: vi.fn(async () => token as string | null),
    refresh: vi.fn(async () => 'fresh' as string | null),
  };
}

describe('createExplorerFetch', () => {
  it('sends the request as the viewer and hands back status and body, even for a refusal', async () => {
    const fetchImpl = vi.fn(async () => json(400, { errors: [{ message: 'x', extensions: { code: 'QUERY_TOO_COSTLY', cost: 20_000, maximum: 10_000 } }] }));
    const run = createExplorerFetch(fakeAuth(), fetchImpl);
    const answer = await run({ query: '{ viewer { account { id } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body?.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer old');
    expect(JSON.parse(init.body as string)).toEqual({ query: '{ viewer { account { id } } }' });
  });

  it('runs a saved query by id with no document', async () => {
    const fetchImpl = vi.fn(async () => json(200, { data: {} }));
    await createExplorerFetch(fakeAuth(), fetchImpl)({ extensions: { savedQueryId: '12' }, variables: {} });
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(JSON.parse(init.body as string)).toEqual({ extensions: { savedQueryId: '12' }, variables: {} });
  });

  it('refreshes the session once on UNAUTHENTICATED and sends the request again', async () => {
    const auth = fakeAuth();
    const fetchImpl = vi
      .fn()
      .mockResolvedValueOnce(json(200, { errors: [{ message: 'Chưa đăng nhập', extensions: { code: 'UNAUTHENTICATED' } }] }))
      .mockResolvedValueOnce(json(200, { data: { ok: true } }));
    const answer = await createExplorerFetch(auth, fetchImpl)({ query: '{ ok }' });
    expect(auth.refresh).toHaveBeenCalledTimes(1);
    expect(answer.body).toEqual({ data: { ok: true } });
    const second = (fetchImpl.mock.calls[1] as unknown as [string, RequestInit])[1];
    expect((second.headers as Record<string, string>).authorization).toBe('Bearer fresh');
  });

  it('gives the refusal back when the session cannot be refreshed', async () => {
    const auth = fakeAuth();
    auth.refresh.mockResolvedValueOnce(null);
    const fetchImpl = vi.fn(async () => json(401, { errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED' } }] }));
    const answer = await createExplorerFetch(auth, fetchImpl)({ query: '{ ok }' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    expect(answer.status).toBe(401);
  });

  it('says "no answer" when the network fails, and "no GraphQL body" for a proxy’s error page', async () => {
    const offline = createExplorerFetch(fakeAuth(), async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await offline({ query: '{ ok }' })).toEqual({ status: null, body: null });
    const proxy = createExplorerFetch(fakeAuth(), async () => ({ status: 502, headers: new Headers({ 'content-type': 'text/html' }), json: async () => ({}) }));
    expect(await proxy({ query: '{ ok }' })).toEqual({ status: 502, body: null });
  });
});

describe('operationNameIn', () => {
  it('keeps a name the document defines, and drops one left over from the previous document', () => {
    expect(operationNameIn('query LuotTham($a: ID) { x }', 'LuotTham')).toBe('LuotTham');
    expect(operationNameIn('query QuaTonKem { members { nodes { id } } }', 'LuotTham')).toBeUndefined();
    expect(operationNameIn('mutation Save { saveQuery }', 'Save')).toBe('Save');
    expect(operationNameIn('query LuotThamTheoThang { x }', 'LuotTham')).toBeUndefined();
    expect(operationNameIn('{ x }', null)).toBeUndefined();
  });
});
