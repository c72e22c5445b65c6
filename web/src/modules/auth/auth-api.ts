import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { GRAPHQL_PATH } from '../../apollo/create-apollo-client';
import { LoginMutation, LogoutMutation, RefreshSessionMutation, ViewerQuery } from './auth.documents';
import { AuthApiError } from './auth-errors';
import type { AuthApi } from './use-auth';

type Fetch = typeof fetch;

/**
 * The session calls over plain fetch rather than Apollo: a refresh must not pass through the
 * link that waits for refreshes, and a login answer must not land in the (per-person) cache.
 */
export function createAuthApi(endpoint = GRAPHQL_PATH, fetchImpl: Fetch = (...args) => fetch(...args)): AuthApi {
  async function call<R, V>(document: TypedDocumentNode<R, V>, variables: V, accessToken?: string | null) {
    const response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      body: JSON.stringify({ query: print(document), variables }),
      credentials: 'same-origin',
    });
    let body: { data?: R | null; errors?: GraphQLFormattedError[] } | null = null;
    try {
      body = await response.json();
    } catch {
      // a proxy's HTML error page: reported by status below
    }
    if (body?.errors?.length || !body?.data) {
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new AuthApiError(body?.errors ?? [], response.ok ? null : response.status, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
    }
    const date = Date.parse(response.headers.get('date') ?? '');
    return { data: body.data, serverTime: Number.isNaN(date) ? null : date };
  }

  return {
    async login(username, password) {
      const { data, serverTime } = await call(LoginMutation, { input: { username, password } });
      return { session: data.login, serverTime };
    },
    async refresh(refreshToken) {
      const { data, serverTime } = await call(RefreshSessionMutation, { refreshToken });
      return { session: data.refreshSession, serverTime };
    },
    async viewer(accessToken) {
      const { data } = await call(ViewerQuery, {}, accessToken);
      return data.viewer;
    },
    async logout(refreshToken, accessToken) {
      await call(LogoutMutation, { refreshToken }, accessToken);
    },
  };
}
