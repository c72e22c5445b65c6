import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, ref } from 'vue';
import type { SavedQueryFieldsFragment } from '../../gql/graphql';
import type { ViewerLike } from '../auth/viewer-units';
import { DeleteSavedQueryMutation, SAVED_QUERY_PAGE_SIZE, SavedQueriesQuery, SaveQueryMutation } from './saved-query.documents';

export type SavedQuery = SavedQueryFieldsFragment;

export interface SaveInput {
  /** Given: change this saved query (one's own); absent: a new one. */
  id?: string;
  name: string;
  document: string;
  variables: Record<string, unknown> | null;
  sharedWithCommitteeId: string | null;
}

/** The committees the viewer may share with: those of their role bindings, once each, in the API's order. */
export function shareableCommittees(viewer: Pick<ViewerLike, 'roles'> | null | undefined): { id: string; name: string }[] {
  const seen = new Map<string, { id: string; name: string }>();
  for (const { committee } of viewer?.roles ?? []) {
    if (committee && !seen.has(committee.id)) seen.set(committee.id, { id: committee.id, name: committee.name });
  }
  return [...seen.values()];
}

/** The variables pane as the API's JSONObject: empty means none; anything but a JSON object is refused. */
export function parseVariables(text: string): { ok: true; value: Record<string, unknown> | null } | { ok: false } {
  if (!text.trim()) return { ok: true, value: null };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null) return { ok: true, value: null };
    return typeof value === 'object' && !Array.isArray(value) ? { ok: true, value: value as Record<string, unknown> } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/** Saved variables back into the variables pane. */
export function variablesText(variables: unknown): string {
  return variables && typeof variables === 'object' && Object.keys(variables).length ? JSON.stringify(variables, null, 2) : '';
}

/** The saved queries the viewer may run (own and shared with their units), page by page; save and delete refresh the list. */
export function useSavedQueries() {
  const { result, loading, error, refetch, fetchMore } = useQuery(
    SavedQueriesQuery,
    { first: SAVED_QUERY_PAGE_SIZE },
    { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true },
  );
  const { mutate: saveMutation } = useMutation(SaveQueryMutation);
  const { mutate: deleteMutation } = useMutation(DeleteSavedQueryMutation);
  const loadingMore = ref(false);

  const page = computed(() => result.value?.savedQueries);

  async function loadMore() {
    const after = page.value?.pageInfo.endCursor;
    if (!page.value?.pageInfo.hasNextPage || !after || loadingMore.value) return;
    loadingMore.value = true;
    try {
      await fetchMore({
        variables: { first: SAVED_QUERY_PAGE_SIZE, after },
        updateQuery: (previous, { fetchMoreResult }) =>
          fetchMoreResult
            ? {
                savedQueries: {
                  ...fetchMoreResult.savedQueries,
                  nodes: [...previous.savedQueries.nodes, ...fetchMoreResult.savedQueries.nodes],
                },
              }
            : previous,
      });
    } finally {
      loadingMore.value = false;
    }
  }

  async function save(input: SaveInput): Promise<SavedQuery> {
    const answer = await saveMutation({
      input: {
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        document: input.document,
        variables: input.variables,
        sharedWithCommitteeId: input.sharedWithCommitteeId,
      },
    });
    if (!answer?.data) throw new Error('saveQuery returned no data');
    await refetch();
    return answer.data.saveQuery;
  }

  async function remove(id: string): Promise<void> {
    await deleteMutation({ id });
    await refetch();
  }

  return {
    queries: computed(() => page.value?.nodes ?? []),
    totalCount: computed(() => page.value?.totalCount ?? 0),
    hasMore: computed(() => page.value?.pageInfo.hasNextPage ?? false),
    loaded: computed(() => result.value !== undefined),
    loading,
    loadingMore,
    error,
    refetch: () => refetch(),
    loadMore,
    save,
    remove,
  };
}
