import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, ref, toValue, watch, type MaybeRefOrGetter, type Ref } from 'vue';
import { createLiveRefresh } from '../../apollo/live-refresh';
import { mutationProblem } from '../domain-errors/domain-error';
import type { WriteOutcome } from '../assignments/use-cell-assignments';
import {
  AnswerFeedbackMutation,
  CloseFeedbackMutation,
  EscalateFeedbackMutation,
  FeedbackChangedSubscription,
  FeedbackInboxCountsQuery,
  FeedbackInboxQuery,
  INBOX_MAX,
  INBOX_PAGE_SIZE,
} from './feedback.documents';
import type { FeedbackAction } from './feedback-actions';
import { inboxVariables, type InboxFilter, type InboxUnit } from './inbox-filter';

/** The feedback of a committee or cell for the chosen tab and filters, kept live, with the three steps on it. */
export function useFeedbackInbox(unit: MaybeRefOrGetter<InboxUnit>, filter: Ref<InboxFilter>) {
  const first = ref(INBOX_PAGE_SIZE);
  watch(filter, () => (first.value = INBOX_PAGE_SIZE), { deep: true });
  const unitVariables = () => {
    const { kind, id } = toValue(unit);
    return kind === 'committee' ? { committeeId: id } : { cellId: id };
  };

  const list = useQuery(FeedbackInboxQuery, () => inboxVariables(toValue(unit), filter.value, first.value), { keepPreviousResult: true });
  const counts = useQuery(
    FeedbackInboxCountsQuery,
    () => ({ ...unitVariables(), level: filter.value.level || null, topic: filter.value.topic || null }),
    { keepPreviousResult: true },
  );

  const refresh = () => Promise.all([list.refetch()?.catch(() => undefined), counts.refetch()?.catch(() => undefined)]);
  // Changes come in bursts (a meeting answering ten at once): one refetch once they settle, none for our own.
  const live = createLiveRefresh(refresh);
  const { onResult: onChanged } = useSubscription(FeedbackChangedSubscription, unitVariables);
  onChanged(() => live.onEvent());
  onBeforeUnmount(() => live.stop());

  const escalate = useMutation(EscalateFeedbackMutation);
  const answer = useMutation(AnswerFeedbackMutation);
  const close = useMutation(CloseFeedbackMutation);

  function act(action: FeedbackAction, input: { feedbackId: string; answer?: string; note?: string }): Promise<WriteOutcome> {
    const note = input.note?.trim() || null;
    return live.ownWrite(async () => {
      try {
        if (action === 'escalate') await escalate.mutate({ input: { feedbackId: input.feedbackId, note } });
        else if (action === 'close') await close.mutate({ input: { feedbackId: input.feedbackId, note } });
        else await answer.mutate({ input: { feedbackId: input.feedbackId, answer: (input.answer ?? '').trim(), note } });
      } catch (caught) {
        const problem = mutationProblem(caught);
        // Someone else moved it first (or it left the viewer's reach): show the list as it is now.
        if (problem.code !== 'OFFLINE') void refresh();
        return { ok: false, problem };
      }
      await refresh();
      return { ok: true };
    });
  }

  const connection = computed(() => list.result.value?.feedbackItems ?? null);
  return {
    items: computed(() => connection.value?.nodes ?? []),
    total: computed(() => connection.value?.totalCount ?? 0),
    hasMore: computed(() => (connection.value?.pageInfo.hasNextPage ?? false) && first.value < INBOX_MAX),
    counts: computed(() => {
      const value = counts.result.value;
      return value
        ? { open: value.open.totalCount, overdue: value.overdue.totalCount, answered: value.answered.totalCount, closed: value.closed.totalCount }
        : null;
    }),
    loaded: computed(() => list.result.value !== undefined),
    loading: list.loading,
    error: list.error,
    refetch: refresh,
    more: () => (first.value = Math.min(first.value + INBOX_PAGE_SIZE, INBOX_MAX)),
    busy: computed(() => escalate.loading.value || answer.loading.value || close.loading.value),
    act,
  };
}
