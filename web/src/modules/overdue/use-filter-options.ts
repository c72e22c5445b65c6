import { useApolloClient, useQuery } from '@vue/apollo-composable';
import { computed, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { OverdueFilterCellsQuery } from '../../gql/graphql';
import { FilterCellsQuery, FilterMembersQuery } from './overdue.documents';

/** Cells listed in the cell filter at most; a province has thousands, and its communes have their own pages. */
export const MAX_FILTER_CELLS = 1000;
const CELL_PAGE = 100;

type FilterCell = OverdueFilterCellsQuery['cells']['nodes'][number];

export interface CellGroup {
  committee: string;
  cells: { id: string; name: string }[];
}

/** Cells grouped under the committee holding each, in the API's order: "Chi bộ bản Xàn" exists in many communes. */
export function groupCells(cells: readonly FilterCell[]): CellGroup[] {
  const groups = new Map<string, CellGroup>();
  for (const cell of cells) {
    const key = cell.committee?.id ?? '';
    const group = groups.get(key) ?? { committee: cell.committee?.name ?? '', cells: [] };
    group.cells.push({ id: cell.id, name: cell.name });
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The cells of a committee subtree for the cell filter, page after page up to MAX_FILTER_CELLS. */
export function useCellOptions(committeeId: MaybeRefOrGetter<string | null>) {
  const { resolveClient } = useApolloClient();
  const cells = shallowRef<FilterCell[]>([]);
  const total = ref(0);
  const loading = ref(false);
  let run = 0;
  watch(
    () => toValue(committeeId),
    async (id) => {
      const mine = ++run;
      cells.value = [];
      total.value = 0;
      if (!id) return;
      loading.value = true;
      try {
        let after: string | null = null;
        for (;;) {
          const { data }: { data: OverdueFilterCellsQuery } = await resolveClient().query({
            query: FilterCellsQuery,
            variables: { committeeId: id, first: CELL_PAGE, after },
          });
          if (mine !== run) return;
          cells.value = [...cells.value, ...data.cells.nodes];
          total.value = data.cells.totalCount;
          after = data.cells.pageInfo.endCursor ?? null;
          if (!data.cells.pageInfo.hasNextPage || !after || cells.value.length >= MAX_FILTER_CELLS) break;
        }
      } catch {
        // The filter then offers no cells; the list itself still works.
      } finally {
        if (mine === run) loading.value = false;
      }
    },
    { immediate: true },
  );
  return { groups: computed(() => groupCells(cells.value)), shown: computed(() => cells.value.length), total, loading };
}

interface MemberOption {
  id: string;
  fullName: string | null;
}

/** Each member once, by name; members whose names are hidden last, by number. */
export function memberOptions(members: readonly (MemberOption | null)[]): MemberOption[] {
  const unique = new Map<string, MemberOption>();
  for (const member of members) if (member) unique.set(member.id, member);
  return [...unique.values()].sort((a, b) => {
    if (a.fullName === null || b.fullName === null) return a.fullName === b.fullName ? Number(a.id) - Number(b.id) : a.fullName === null ? 1 : -1;
    return collator.compare(a.fullName, b.fullName);
  });
}

const collator = new Intl.Collator('vi');

/** The members holding households in a cell (one page of its assignments covers any village), for the member filter. */
export function useMemberOptions(cellId: MaybeRefOrGetter<string | null>) {
  const { result } = useQuery(
    FilterMembersQuery,
    () => ({ cellId: toValue(cellId) ?? '', first: 100 }),
    () => ({ enabled: !!toValue(cellId) }),
  );
  return { members: computed(() => memberOptions(result.value?.assignments.nodes.map((node) => node.member) ?? [])) };
}
