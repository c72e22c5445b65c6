import { ApolloClient, ApolloLink, InMemoryCache, Observable, type Operation } from '@apollo/client/core';
import { provideApolloClient } from '@vue/apollo-composable';
import { describe, expect, it } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { DEFAULT_FILTERS, type OverdueFilters } from './overdue-filters';
import { createDebouncedRefresh, pageSpan, useOverdueList } from './use-overdue-list';

const row = (n: number) => ({
  __typename: 'Assignment',
  id: String(n),
  lastVisitOn: '2025-03-01',
  dueOn: '2025-03-31',
  daysOverdue: 100 - n,
  intervalDays: 30,
  mode: 'REGULAR',
  startedOn: '2024-01-01',
  household: null,
  member: null,
});

/** An API of `total()` overdue assignments. Subscriptions do not start in Node (no window), so none is answered. */
function fakeApi(total: () => number) {
  const queries: Record<string, unknown>[] = [];
  const answer = (operation: Operation) => {
    queries.push(operation.variables);
    const after = operation.variables.after ? Number(operation.variables.after) : 0;
    const first = Number(operation.variables.first);
    const nodes = Array.from({ length: Math.max(0, Math.min(first, total() - after)) }, (_, i) => row(after + i + 1));
    const end = after + nodes.length;
    return {
      data: {
        assignments: {
          __typename: 'AssignmentConnection',
          totalCount: total(),
          pageInfo: { __typename: 'PageInfo', hasNextPage: end < total(), endCursor: String(end) },
          nodes,
        },
      },
    };
  };
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        setTimeout(() => {
          observer.next(answer(operation));
          observer.complete();
        });
      }),
  );
  provideApolloClient(new ApolloClient({ link, cache: new InMemoryCache() }));
  return { queries };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('pageSpan', () => {
  it('numbers the rows of a page from 1', () => {
    expect(pageSpan(0, 50, 50)).toEqual({ from: 1, to: 50 });
    expect(pageSpan(2, 50, 12)).toEqual({ from: 101, to: 112 });
    expect(pageSpan(0, 50, 0)).toEqual({ from: 0, to: 0 });
  });
});

describe('useOverdueList', () => {
  it('goes forward by cursor and back to where it came from, and starts again when the filters change', async () => {
    const { queries } = fakeApi(() => 12);
    const filters = ref<OverdueFilters>({ ...DEFAULT_FILTERS });
    const scope = effectScope();
    const list = scope.run(() => useOverdueList({ kind: 'cell', id: '31' }, filters, { pageSize: 5 }))!;
    await until(() => list.loaded.value && !list.loading.value);
    expect(list.rows.value.map((r) => r.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(list.pageCount.value).toBe(3);

    list.next();
    await until(() => list.rows.value[0]?.id === '6');
    expect(list.span.value).toEqual({ from: 6, to: 10 });
    list.next();
    await until(() => list.rows.value[0]?.id === '11');
    expect(list.span.value).toEqual({ from: 11, to: 12 });
    expect(list.hasNext.value).toBe(false);
    list.previous();
    await until(() => list.rows.value[0]?.id === '6');
    expect(queries.map((q) => q.after).slice(0, 3)).toEqual([null, '5', '10']);
    expect(queries.at(-1)!.after).toBe('5');
    const before = queries.length;

    filters.value = { ...DEFAULT_FILTERS, minDays: 30 };
    await nextTick();
    expect(list.pageIndex.value).toBe(0);
    await until(() => queries.length === before + 1 && list.rows.value.length === 5 && !list.loading.value);
    expect(queries.at(-1)).toMatchObject({ cellId: '31', minDaysOverdue: 30, after: null, orderBy: 'DUE_ON_ASC' });
    scope.stop();
  });

});

describe('createDebouncedRefresh', () => {
  it('refreshes once after a burst of recorded visits, and says when', async () => {
    let refreshes = 0;
    const live = createDebouncedRefresh(async () => void refreshes++, 20);
    live.trigger();
    live.trigger();
    live.trigger();
    expect(live.pending.value).toBe(true);
    expect(live.updatedAt.value).toBeNull();
    await until(() => live.updatedAt.value !== null);
    expect(refreshes).toBe(1);
    expect(live.pending.value).toBe(false);
  });

  it('keeps going after a failed refresh', async () => {
    const live = createDebouncedRefresh(() => Promise.reject(new Error('offline')), 5);
    live.trigger();
    await until(() => !live.pending.value);
    expect(live.updatedAt.value).toBeNull();
  });
});
