import { ApolloLink, execute, Observable, type FetchResult } from '@apollo/client/core';
import { GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createAuthLink } from './auth-link';

const query = parse('query RootCommittees { committees { id } }');
const unauthenticated = { errors: [new GraphQLError('Chưa đăng nhập / Not signed in', { extensions: { code: 'UNAUTHENTICATED' } })] };
const data = { data: { committees: [{ id: '1' }] } };

/** The API: answers with the scripted results in turn, recording the Authorization header of each request. */
function fakeApi(answers: FetchResult[]) {
  const headers: (string | undefined)[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        headers.push(operation.getContext().headers?.authorization);
        observer.next(answers.shift() ?? data);
        observer.complete();
      }),
  );
  return { link, headers };
}

function fakeAuth(tokens: (string | null)[]) {
  let current = tokens.shift() ?? null;
  const auth = {
    refreshes: 0,
    getAccessToken: async () => current,
    refresh: async () => {
      auth.refreshes += 1;
      current = tokens.shift() ?? null;
      return current;
    },
  };
  return auth;
}

function run(link: ApolloLink): Promise<FetchResult[]> {
  return new Promise((resolve, reject) => {
    const results: FetchResult[] = [];
    execute(link, { query }).subscribe({ next: (result) => results.push(result), error: reject, complete: () => resolve(results) });
  });
}

describe('createAuthLink', () => {
  it('sends the access token as a Bearer token', async () => {
    const api = fakeApi([]);
    const results = await run(ApolloLink.from([createAuthLink(fakeAuth(['access-1'])), api.link]));
    expect(api.headers).toEqual(['Bearer access-1']);
    expect(results).toEqual([data]);
  });

  it('refreshes once after UNAUTHENTICATED and sends the operation again with the new token', async () => {
    const api = fakeApi([unauthenticated]);
    const auth = fakeAuth(['access-1', 'access-2']);
    const results = await run(ApolloLink.from([createAuthLink(auth), api.link]));
    expect(api.headers).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(auth.refreshes).toBe(1);
    expect(results).toEqual([data]);
  });

  it('passes a second refusal through instead of refreshing in a loop', async () => {
    const api = fakeApi([unauthenticated, unauthenticated]);
    const auth = fakeAuth(['access-1', 'access-2', 'access-3']);
    const results = await run(ApolloLink.from([createAuthLink(auth), api.link]));
    expect(auth.refreshes).toBe(1);
    expect(api.headers).toHaveLength(2);
    expect(results.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('gives the page the refusal when the session cannot be refreshed', async () => {
    const api = fakeApi([unauthenticated]);
    const auth = fakeAuth(['access-1', null]);
    const results = await run(ApolloLink.from([createAuthLink(auth), api.link]));
    expect(api.headers).toEqual(['Bearer access-1']);
    expect(results.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('sends no Authorization header and tries no refresh without a session', async () => {
    const api = fakeApi([unauthenticated]);
    const auth = fakeAuth([null]);
    await run(ApolloLink.from([createAuthLink(auth), api.link]));
    expect(api.headers).toEqual([undefined]);
    expect(auth.refreshes).toBe(0);
  });
});
