import { useApolloClient } from '@vue/apollo-composable';
import type { ApolloError } from '@apollo/client/core';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { CellPageFragment } from '../../gql/graphql';
import { CELL_PAGE_SIZE, CommitteeCellsQuery } from './committee.documents';

/**
 * A committee's cells, page after page: the first page comes with the committee,
 * "show more" appends the next ones by cursor.
 */
export function useCellPages(committeeId: MaybeRefOrGetter<string>, firstPage: MaybeRefOrGetter<CellPageFragment | undefined>) {
  const { resolveClient } = useApolloClient();
  const more = shallowRef<CellPageFragment[]>([]);
  const loadingMore = ref(false);
  const loadMoreError = shallowRef<ApolloError | null>(null);

  // A refreshed first page may end elsewhere (cells added or removed): later pages start again from it.
  watch(
    () => toValue(firstPage)?.pageInfo.endCursor,
    () => {
      more.value = [];
    },
  );

  const lastPage = computed(() => more.value.at(-1) ?? toValue(firstPage));

  async function loadMore() {
    const pageInfo = lastPage.value?.pageInfo;
    const after = pageInfo?.endCursor;
    if (!pageInfo?.hasNextPage || !after || loadingMore.value) return;
    loadingMore.value = true;
    loadMoreError.value = null;
    try {
      const { data } = await resolveClient().query({
        query: CommitteeCellsQuery,
        variables: { id: toValue(committeeId), first: CELL_PAGE_SIZE, after },
      });
      if (data.committee) more.value = [...more.value, data.committee.cells];
    } catch (error) {
      loadMoreError.value = error as ApolloError;
    } finally {
      loadingMore.value = false;
    }
  }

  return {
    cells: computed(() => [...(toValue(firstPage)?.nodes ?? []), ...more.value.flatMap((page) => page.nodes)]),
    totalCount: computed(() => lastPage.value?.totalCount ?? 0),
    hasMore: computed(() => lastPage.value?.pageInfo.hasNextPage ?? false),
    loadMore,
    loadingMore,
    loadMoreError,
  };
}
