import { useMutation, useQuery } from '@vue/apollo-composable';
import { computed, reactive, toValue, type MaybeRefOrGetter } from 'vue';
import type { ResidenceRatingValue } from '../../gql/graphql';
import { classificationProblem, type Problem } from './classification-sheet';
import { RateResidentMemberMutation, ResidentMembersQuery } from './classification.documents';

/** Members a secretary sees: their cell's own and those residing in it; one page covers nearly any cell. */
const PAGE_SIZE = 100;

export interface ResidentDraft {
  rating: ResidenceRatingValue | null;
  comment: string;
  saved: ResidenceRatingValue | null;
  saving: boolean;
  problem: Problem | null;
}

/**
 * Members who live in the cell but work in another (Quy định 213), and the rating the cell gives
 * each for a year. The API has no query for ratings already given: a saved rating shows once saved here.
 */
export function useResidentMembers(cellId: MaybeRefOrGetter<string>, year: MaybeRefOrGetter<number>) {
  const { result, loading, error } = useQuery(ResidentMembersQuery, { first: PAGE_SIZE });
  const { mutate } = useMutation(RateResidentMemberMutation);
  const residents = computed(() =>
    (result.value?.members.nodes ?? []).filter((member) => member.residenceCell?.id === toValue(cellId) && member.cell?.id !== toValue(cellId)),
  );
  const drafts = reactive(new Map<string, ResidentDraft>());
  const draftOf = (memberId: string): ResidentDraft => {
    if (!drafts.has(memberId)) drafts.set(memberId, { rating: null, comment: '', saved: null, saving: false, problem: null });
    return drafts.get(memberId)!;
  };

  async function rate(memberId: string) {
    const draft = draftOf(memberId);
    if (!draft.rating) return;
    draft.saving = true;
    draft.problem = null;
    try {
      const answer = await mutate({ input: { memberId, year: toValue(year), rating: draft.rating, comment: draft.comment.trim() || null } });
      draft.saved = answer?.data?.rateResidentMember.residenceRating ?? draft.rating;
    } catch (failure) {
      draft.problem = classificationProblem(failure);
    } finally {
      draft.saving = false;
    }
  }

  return {
    residents,
    more: computed(() => result.value?.members.pageInfo.hasNextPage ?? false),
    loading,
    error,
    draftOf,
    rate,
  };
}
