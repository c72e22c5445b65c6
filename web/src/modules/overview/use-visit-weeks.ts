import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { unitVariables, type UnitRef } from '../units/unit-ref';
import { CHART_WEEKS, VisitsPerWeekQuery } from './overview.documents';
import { chartRange, weeklySeries } from './visits-chart';

/** Visits of a unit in each week of the last year, every week present (zeros included). */
export function useVisitWeeks(unit: MaybeRefOrGetter<UnitRef>, today: MaybeRefOrGetter<string>) {
  const range = computed(() => chartRange(toValue(today), CHART_WEEKS));
  // A few more rows than weeks: the API pages its rows, and a short page would cut the oldest weeks.
  const { result, loading, error, refetch } = useQuery(VisitsPerWeekQuery, () => ({
    ...unitVariables(toValue(unit)),
    ...range.value,
    first: CHART_WEEKS + 7,
  }));
  return {
    points: computed(() => (result.value ? weeklySeries(result.value.visitStats.nodes, range.value.from, range.value.to) : [])),
    range,
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: () => refetch(),
  };
}
