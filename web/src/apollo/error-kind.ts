import type { ApolloError } from '@apollo/client/core';

/** What the user is told about a failed query. */
export type ErrorKind = 'notFound' | 'forbidden' | 'offline' | 'failed';

/** API error codes that, for an id taken from the address bar, mean "no such thing". */
const NOT_FOUND_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);

export function errorKind(error: Pick<ApolloError, 'graphQLErrors' | 'networkError'>): ErrorKind {
  if (error.graphQLErrors.some((e) => NOT_FOUND_CODES.has(String(e.extensions?.code)))) return 'notFound';
  if (error.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'forbidden';
  // A fetch that never got a response has no status code: the server or the network is down.
  if (error.networkError && !('statusCode' in error.networkError)) return 'offline';
  return 'failed';
}

/** A short detail for support: the API's own (bilingual) messages, or the HTTP status; never a stack. */
export function errorDetail(error: Pick<ApolloError, 'graphQLErrors' | 'networkError'>): string {
  const messages = error.graphQLErrors.map((e) => e.message);
  if (messages.length) return messages.join('; ');
  const status = error.networkError && 'statusCode' in error.networkError ? error.networkError.statusCode : undefined;
  return status ? `HTTP ${status}` : '';
}
