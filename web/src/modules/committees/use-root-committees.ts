import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { RootCommitteesQuery } from './committee.documents';

/** The top-level committees (provinces, provincial blocs), the entry points of the tree. */
export function useRootCommittees() {
  const { result, loading, error, refetch } = useQuery(RootCommitteesQuery);
  return {
    committees: computed(() => result.value?.committees ?? []),
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: () => refetch(),
  };
}
