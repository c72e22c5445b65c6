import { ApolloClient, from, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createAuthLink } from '../modules/auth/auth-link';
import type { Auth } from '../modules/auth/use-auth';
import type { ForbiddenFields } from './forbidden-fields';
import { createRestartableClient } from './ws-client';

export const GRAPHQL_PATH = '/graphql';

/** The graphql-ws endpoint on the page's own origin: wss behind HTTPS, ws otherwise. */
export function graphqlWsUrl(location: Pick<Location, 'protocol' | 'host'>, path = GRAPHQL_PATH): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${path}`;
}

export function isSubscription(query: Parameters<typeof getMainDefinition>[0]): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/**
 * Queries and mutations go over HTTP, subscriptions over one lazy WebSocket
 * (opened on the first subscription, closed when the last one ends). Both carry the access token.
 */
export function createApolloClient(
  auth: Pick<Auth, 'getAccessToken' | 'refresh' | 'onTokenChange'>,
  forbiddenFields: Pick<ForbiddenFields, 'link'>,
  location: Pick<Location, 'protocol' | 'host'> = window.location,
) {
  const http = from([forbiddenFields.link, createAuthLink(auth), new HttpLink({ uri: GRAPHQL_PATH })]);
  const wsClient = createRestartableClient({
    url: graphqlWsUrl(location),
    lazy: true,
    // Read at each connect, so a reconnect after a refresh presents the new token.
    connectionParams: async () => {
      const token = await auth.getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  auth.onTokenChange(() => wsClient.restart());
  const ws = new GraphQLWsLink(wsClient);
  return new ApolloClient({
    link: split(({ query }) => isSubscription(query), ws, http),
    cache: new InMemoryCache(),
    defaultOptions: {
      // Show what the cache has at once when going back up the tree, then refresh it.
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    },
  });
}
