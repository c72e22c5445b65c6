import { ApolloClient, HttpLink, InMemoryCache, split } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';

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
 * (opened on the first subscription, closed when the last one ends).
 */
export function createApolloClient(location: Pick<Location, 'protocol' | 'host'> = window.location) {
  const http = new HttpLink({ uri: GRAPHQL_PATH });
  const ws = new GraphQLWsLink(createClient({ url: graphqlWsUrl(location), lazy: true }));
  return new ApolloClient({
    link: split(({ query }) => isSubscription(query), ws, http),
    cache: new InMemoryCache(),
    defaultOptions: {
      // Show what the cache has at once when going back up the tree, then refresh it.
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    },
  });
}
