import { GRAPHQL_PATH } from '../../apollo/create-apollo-client';
import { isUnauthenticated } from '../auth/auth-errors';
import type { Auth } from '../auth/use-auth';
import type { GraphQLAnswer, RunResponse } from './run-outcome';

/** One GraphQL-over-HTTP request: a document, or a saved query named in `extensions.savedQueryId`. */
export interface GraphQLRequest {
  query?: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown>;
}

/** The operation name of GraphiQL's schema request (it costs nothing and shows no cost). */
export const INTROSPECTION = 'IntrospectionQuery';

/**
 * The operation name if the document defines it. GraphiQL reads the name from the editor a moment
 * after a change: right after a paste it may still name an operation of the previous document.
 */
export function operationNameIn(document: string, name: string | null | undefined): string | undefined {
  if (!name || !/^[_A-Za-z]\w*$/.test(name)) return undefined;
  return new RegExp(`\\b(?:query|mutation|subscription)\\s+${name}\\b`).test(document) ? name : undefined;
}

type FetchLike = (input: string, init: RequestInit) => Promise<Pick<Response, 'status' | 'headers' | 'json'>>;

async function readAnswer(response: Pick<Response, 'status' | 'headers' | 'json'>): Promise<RunResponse> {
  // Refusals come with 400, 403 or 429 and a GraphQL body; a proxy's error page has none.
  const type = response.headers.get('content-type') ?? '';
  if (!/json/.test(type)) return { status: response.status, body: null };
  try {
    return { status: response.status, body: (await response.json()) as GraphQLAnswer };
  } catch {
    return { status: response.status, body: null };
  }
}

/**
 * POSTs to /graphql as the signed-in viewer, outside Apollo so the explorer sees the raw answer
 * (extensions, status). Like the app's auth link, an UNAUTHENTICATED answer refreshes the session
 * once and sends the request again. Never rejects: no answer at all is `{ status: null }`.
 */
export function createExplorerFetch(auth: Pick<Auth, 'getAccessToken' | 'refresh'>, fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  async function send(request: GraphQLRequest, token: string | null): Promise<RunResponse> {
    try {
      const response = await fetchImpl(GRAPHQL_PATH, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(request),
      });
      return await readAnswer(response);
    } catch {
      return { status: null, body: null };
    }
  }

  return async function run(request: GraphQLRequest): Promise<RunResponse> {
    const token = await auth.getAccessToken().catch(() => null);
    const first = await send(request, token);
    const refused = first.status === 401 || (first.body !== null && isUnauthenticated(first.body));
    if (!token || !refused) return first;
    const fresh = await auth.refresh().catch(() => null);
    return fresh ? send(request, fresh) : first;
  };
}

export type ExplorerFetch = ReturnType<typeof createExplorerFetch>;
