import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { cellPath } from '../cells/cell-path';
import { committeePath } from '../committees/committee-path';
import type { UnitRef } from './unit-ref';
import { UnitHeaderCellQuery, UnitHeaderCommitteeQuery } from './unit.documents';

/** Name, kind and breadcrumbs of the unit a tab page is about. */
export function useUnitHeader(unit: MaybeRefOrGetter<UnitRef>) {
  const isCommittee = () => toValue(unit).kind === 'committee';
  const committee = useQuery(UnitHeaderCommitteeQuery, () => ({ id: toValue(unit).id }), () => ({ enabled: isCommittee() }));
  const cell = useQuery(UnitHeaderCellQuery, () => ({ id: toValue(unit).id }), () => ({ enabled: !isCommittee() }));
  const active = computed(() => (isCommittee() ? committee : cell));

  const header = computed(() => {
    if (isCommittee()) {
      const found = committee.result.value?.committee;
      return found ? { id: found.id, name: found.name, kindKey: `committeeKind.${found.kind}`, path: committeePath(found) } : null;
    }
    const found = cell.result.value?.cell;
    return found ? { id: found.id, name: found.name, kindKey: `cellKind.${found.kind}`, path: cellPath(found.committee) } : null;
  });
  const loaded = computed(() => (isCommittee() ? committee.result.value : cell.result.value) !== undefined);

  return {
    header,
    loaded,
    /** The API answered, and there is no such unit. */
    missing: computed(() => loaded.value && !header.value),
    loading: computed(() => active.value.loading.value),
    error: computed(() => active.value.error.value),
    refetch: () => active.value.refetch(),
  };
}
