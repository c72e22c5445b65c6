import { ApolloClient, ApolloLink, InMemoryCache, Observable } from '@apollo/client/core';
import { provideApolloClient } from '@vue/apollo-composable';
import { describe, expect, it } from 'vitest';
import { effectScope, shallowRef } from 'vue';
import type { CellPageFragment } from '../../gql/graphql';
import { useCellPages } from './use-cell-pages';

const cell = (n: number) => ({
  __typename: 'Cell' as const,
  id: String(n),
  name: `Chi bộ ${n}`,
  kind: 'VILLAGE' as const,
  members: { __typename: 'MemberConnection' as const, totalCount: n },
  households: { __typename: 'HouseholdConnection' as const, totalCount: 2 * n },
});

const page = (from: number, to: number, total: number): CellPageFragment => ({
  totalCount: total,
  pageInfo: { hasNextPage: to < total, endCursor: `c${to}` },
  nodes: Array.from({ length: to - from + 1 }, (_, i) => cell(from + i)),
});

/** An API stand-in that answers CommitteeCells with the page after the given cursor. */
function fakeApi(total: number, pageSize: number) {
  const requests: Record<string, unknown>[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        requests.push(operation.variables);
        const after = Number(String(operation.variables.after).slice(1));
        const { pageInfo, nodes, totalCount } = page(after + 1, Math.min(after + pageSize, total), total);
        observer.next({
          data: {
            committee: {
              __typename: 'Committee',
              id: operation.variables.id,
              cells: { __typename: 'CellConnection', totalCount, pageInfo: { __typename: 'PageInfo', ...pageInfo }, nodes },
            },
          },
        });
        observer.complete();
      }),
  );
  provideApolloClient(new ApolloClient({ link, cache: new InMemoryCache() }));
  return requests;
}

describe('useCellPages', () => {
  it('appends the next pages after the last cursor until the list is complete', async () => {
    const requests = fakeApi(5, 2);
    const first = shallowRef(page(1, 2, 5));
    const scope = effectScope();
    const cells = scope.run(() => useCellPages('42', first))!;

    expect(cells.cells.value.map((c) => c.id)).toEqual(['1', '2']);
    expect(cells.hasMore.value).toBe(true);

    await cells.loadMore();
    await cells.loadMore();
    expect(requests.map((r) => r.after)).toEqual(['c2', 'c4']);
    expect(requests.every((r) => r.id === '42')).toBe(true);
    expect(cells.cells.value.map((c) => c.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(cells.totalCount.value).toBe(5);
    expect(cells.hasMore.value).toBe(false);

    await cells.loadMore();
    expect(requests).toHaveLength(2);
    scope.stop();
  });

  it('starts again from a refreshed first page instead of mixing stale pages in', async () => {
    fakeApi(6, 2);
    const first = shallowRef(page(1, 2, 5));
    const scope = effectScope();
    const cells = scope.run(() => useCellPages('42', first))!;
    await cells.loadMore();
    expect(cells.cells.value).toHaveLength(4);

    first.value = page(1, 3, 6); // a cell was added: the refreshed first page ends elsewhere
    await Promise.resolve();
    expect(cells.cells.value.map((c) => c.id)).toEqual(['1', '2', '3']);
    expect(cells.totalCount.value).toBe(6);
    scope.stop();
  });
});
