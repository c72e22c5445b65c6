import { describe, expect, it } from 'vitest';
import { AuthApiError } from './auth-errors';
import { createAuthApi } from './auth-api';

const session = {
  accessToken: 'access-1',
  accessTokenExpiresAt: '2026-11-23T08:15:00.000Z',
  refreshToken: 'refresh-1',
  viewer: { account: { id: '7', username: 'admin', displayName: 'Quản trị' }, roles: [] },
};

function fakeFetch(status: number, body: string, headers: Record<string, string> = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init: init! });
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });
  };
  return { requests, fetchImpl: fetchImpl as typeof fetch };
}

describe('createAuthApi', () => {
  it('logs in with a GraphQL mutation and reads the server clock from the Date header', async () => {
    const { requests, fetchImpl } = fakeFetch(200, JSON.stringify({ data: { login: session } }), { date: 'Mon, 23 Nov 2026 08:00:00 GMT' });
    const result = await createAuthApi('/graphql', fetchImpl).login('admin', 'gan-bo-demo');
    expect(result).toEqual({ session, serverTime: Date.parse('2026-11-23T08:00:00Z') });
    const body = JSON.parse(String(requests[0].init.body));
    expect(body.variables).toEqual({ input: { username: 'admin', password: 'gan-bo-demo' } });
    expect(body.query).toMatch(/mutation Login/);
    expect(new Headers(requests[0].init.headers).get('authorization')).toBeNull();
  });

  it('revokes with the refresh token and the current access token', async () => {
    const { requests, fetchImpl } = fakeFetch(200, JSON.stringify({ data: { logout: true } }));
    await createAuthApi('/graphql', fetchImpl).logout('refresh-1', 'access-1');
    expect(new Headers(requests[0].init.headers).get('authorization')).toBe('Bearer access-1');
    expect(JSON.parse(String(requests[0].init.body)).variables).toEqual({ refreshToken: 'refresh-1' });
  });

  it('throws the GraphQL errors of a refused login', async () => {
    const errors = [{ message: 'Sai / Wrong', extensions: { code: 'INVALID_CREDENTIALS', field: 'password' } }];
    const { fetchImpl } = fakeFetch(200, JSON.stringify({ data: null, errors }));
    const error = await createAuthApi('/graphql', fetchImpl).login('admin', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthApiError);
    expect((error as AuthApiError).errors).toEqual(errors);
  });

  it('reports a proxy error page by its status', async () => {
    const { fetchImpl } = fakeFetch(429, '<html>Too Many Requests</html>', { 'retry-after': '120' });
    const error = (await createAuthApi('/graphql', fetchImpl).refresh('refresh-1').catch((e: unknown) => e)) as AuthApiError;
    expect(error.status).toBe(429);
    expect(error.retryAfterSeconds).toBe(120);
  });
});
