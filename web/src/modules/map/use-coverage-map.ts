import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { CELL_MAX_HOUSEHOLDS, CellMapQuery, COMMITTEE_MAX_HOUSEHOLDS, CommitteeMapQuery } from './map.documents';

/** The coverage map of a committee or a cell; only the query of the unit's kind runs. */
export function useCoverageMap(unit: MaybeRefOrGetter<'committee' | 'cell'>, id: MaybeRefOrGetter<string>) {
  const isCommittee = () => toValue(unit) === 'committee';
  // Figures move while people visit; a tab opened again shows the latest.
  const options = { fetchPolicy: 'cache-and-network' as const };
  const committee = useQuery(CommitteeMapQuery, () => ({ id: toValue(id), maxHouseholds: COMMITTEE_MAX_HOUSEHOLDS }), () => ({ ...options, enabled: isCommittee() }));
  const cell = useQuery(CellMapQuery, () => ({ id: toValue(id), maxHouseholds: CELL_MAX_HOUSEHOLDS }), () => ({ ...options, enabled: !isCommittee() }));
  const active = () => (isCommittee() ? committee : cell);
  return {
    map: computed(() => active().result.value?.coverageMap ?? null),
    loading: computed(() => active().loading.value),
    error: computed(() => active().error.value),
    refetch: () => active().refetch(),
  };
}
