import type { GraphQLFormattedError } from 'graphql';
import { refusalNotice, type Notice } from './run-outcome';

interface ApolloLike {
  graphQLErrors?: readonly GraphQLFormattedError[];
  networkError?: (Error & { statusCode?: number; result?: unknown }) | null;
}

/** The errors of a failed operation: GraphQL errors, or those in the body of an HTTP refusal (400/403/429). */
export function errorsOf(error: unknown): readonly GraphQLFormattedError[] {
  const { graphQLErrors, networkError } = (error ?? {}) as ApolloLike;
  if (graphQLErrors?.length) return graphQLErrors;
  const body = networkError?.result as { errors?: GraphQLFormattedError[] } | undefined;
  return body?.errors ?? [];
}

/** Why saving (or deleting) a query failed, in the viewer's language. */
export function saveProblem(error: unknown): Notice {
  const errors = errorsOf(error);
  const first = errors[0];
  const detail = errors.map((e) => e.message).join('\n') || undefined;
  if (!first) {
    const network = (error as ApolloLike | null)?.networkError;
    return network && typeof network.statusCode !== 'number' ? { key: 'errors.offline', tone: 'error' } : { key: 'errors.failed', tone: 'error', detail };
  }
  const explained = refusalNotice(first);
  if (explained) return explained;
  const code = first.extensions?.code;
  const field = first.extensions?.field;
  if (code === 'FORBIDDEN') return { key: 'save.forbidden', tone: 'error' };
  if (code === 'BAD_USER_INPUT' && field === 'variables') return { key: 'save.badVariables', tone: 'error', detail };
  if (code === 'BAD_USER_INPUT' && field === 'document') return { key: 'errors.invalid', tone: 'error', detail };
  return { key: 'errors.failed', tone: 'error', detail };
}
