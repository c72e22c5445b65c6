import { ApolloError } from '@apollo/client/core';
import type { Refusal } from './fetch-all';

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null;

function fromExtensions(extensions: unknown): Refusal | null {
  if (!isPlain(extensions) || typeof extensions.code !== 'string') return null;
  const number = (key: string) => (typeof extensions[key] === 'number' ? (extensions[key] as number) : undefined);
  return { code: extensions.code, maximum: number('maximum'), retryAfterSeconds: number('retryAfterSeconds') };
}

/**
 * The API's refusal code behind an Apollo error. Limits refuse with HTTP 400 or 429 and a GraphQL
 * body, which Apollo reports as a network error holding that body, not as GraphQL errors.
 */
export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApolloError)) return null;
  for (const graphQLError of error.graphQLErrors) {
    const found = fromExtensions(graphQLError.extensions);
    if (found) return found;
  }
  const network = error.networkError;
  const body = network && 'result' in network ? network.result : undefined;
  const errors = isPlain(body) && Array.isArray(body.errors) ? body.errors : [];
  for (const entry of errors) {
    const found = isPlain(entry) ? fromExtensions(entry.extensions) : null;
    if (found) return found;
  }
  return null;
}
