import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { CellPageQuery, MEMBER_PAGE_SIZE } from './cell.documents';
import { cellPath } from './cell-path';

/** One cell with its breadcrumbs and its members. */
export function useCell(id: MaybeRefOrGetter<string>) {
  const { result, loading, error, refetch } = useQuery(CellPageQuery, () => ({ id: toValue(id), first: MEMBER_PAGE_SIZE }));
  const cell = computed(() => result.value?.cell ?? null);
  return {
    cell,
    path: computed(() => cellPath(cell.value?.committee)),
    missing: computed(() => result.value !== undefined && result.value.cell === null),
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: () => refetch(),
  };
}
