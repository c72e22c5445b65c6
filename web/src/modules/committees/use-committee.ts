import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { CELL_PAGE_SIZE, CommitteePageQuery } from './committee.documents';
import { committeePath } from './committee-path';

/** One committee with its breadcrumbs, subordinate committees and first page of cells. */
export function useCommittee(id: MaybeRefOrGetter<string>) {
  const { result, loading, error, refetch } = useQuery(CommitteePageQuery, () => ({ id: toValue(id), first: CELL_PAGE_SIZE }));
  const committee = computed(() => result.value?.committee ?? null);
  return {
    committee,
    path: computed(() => committeePath(committee.value)),
    /** The API answered, and there is no committee with this id. */
    missing: computed(() => result.value !== undefined && result.value.committee === null),
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: () => refetch(),
  };
}
