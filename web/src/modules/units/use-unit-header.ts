import { useQuery } from '@vue/apollo-composable';
import { computed, toValue, type MaybeRefOrGetter } from 'vue';
import { cellPath } from '../cells/cell-path';
import { committeePath } from '../committees/committee-path';
import { CellHeaderQuery, CommitteeHeaderQuery } from './units.documents';

export type UnitKindName = 'committee' | 'cell';

/** The header of a unit's tab page (committee or cell): one of the two queries runs. */
export function useUnitHeader(unit: MaybeRefOrGetter<UnitKindName>, id: MaybeRefOrGetter<string>) {
  const isCommittee = () => toValue(unit) === 'committee';
  const committeeQuery = useQuery(CommitteeHeaderQuery, () => ({ id: toValue(id) }), () => ({ enabled: isCommittee() }));
  const cellQuery = useQuery(CellHeaderQuery, () => ({ id: toValue(id) }), () => ({ enabled: !isCommittee() }));

  const header = computed(() => {
    if (isCommittee()) {
      const committee = committeeQuery.result.value?.committee;
      return committee ? { id: committee.id, name: committee.name, kindKey: `committeeKind.${committee.kind}`, path: committeePath(committee) } : null;
    }
    const cell = cellQuery.result.value?.cell;
    return cell ? { id: cell.id, name: cell.name, kindKey: `cellKind.${cell.kind}`, path: cellPath(cell.committee) } : null;
  });
  const answered = computed(() => (isCommittee() ? committeeQuery.result.value : cellQuery.result.value) !== undefined);
  return {
    header,
    loaded: answered,
    /** The API answered, and there is no such unit in the viewer's sight. */
    missing: computed(() => answered.value && header.value === null),
    loading: computed(() => (isCommittee() ? committeeQuery.loading.value : cellQuery.loading.value)),
    error: computed(() => (isCommittee() ? committeeQuery.error.value : cellQuery.error.value)),
    refetch: () => (isCommittee() ? committeeQuery.refetch() : cellQuery.refetch()),
  };
}
