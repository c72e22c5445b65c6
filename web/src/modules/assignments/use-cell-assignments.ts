import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onBeforeUnmount, toValue, type MaybeRefOrGetter } from 'vue';
import { createLiveRefresh } from '../../apollo/live-refresh';
import { mutationProblem, type MutationProblem } from '../domain-errors/domain-error';
import {
  AssignHouseholdMutation,
  CELL_PAGE_SIZE,
  FREE_PAGE_SIZE,
  CellAssignmentChangedSubscription,
  CellAssignmentsQuery,
  UnassignHouseholdMutation,
} from './assignment.documents';

/** The outcome of a write: done, or the problem to show next to the form. */
export type WriteOutcome = { ok: true } | { ok: false; problem: MutationProblem };

/** A cell's free households, its members with their load, its assignments in force, and the two writes on them. */
export function useCellAssignments(cellId: MaybeRefOrGetter<string>) {
  const variables = () => ({ cellId: toValue(cellId), first: CELL_PAGE_SIZE, firstFree: FREE_PAGE_SIZE });
  const { result, loading, error, refetch } = useQuery(CellAssignmentsQuery, variables);
  const reload = () => refetch()?.catch(() => undefined) ?? Promise.resolve();
  // Someone else (commune staff, another tab) may assign in the same cell: follow their changes too.
  const live = createLiveRefresh(reload);
  const { onResult: onChanged } = useSubscription(CellAssignmentChangedSubscription, () => ({ cellId: toValue(cellId) }));
  onChanged(() => live.onEvent());
  onBeforeUnmount(() => live.stop());

  const { mutate: assignMutate, loading: assigning } = useMutation(AssignHouseholdMutation);
  const { mutate: unassignMutate, loading: unassigning } = useMutation(UnassignHouseholdMutation);

  function write(run: () => Promise<unknown>): Promise<WriteOutcome> {
    return live.ownWrite(async () => {
      try {
        await run();
      } catch (caught) {
        const problem = mutationProblem(caught);
        // What the form showed is stale when the API says so: show the cell as it is now.
        if (problem.code !== 'OFFLINE') void reload();
        return { ok: false, problem };
      }
      await reload();
      return { ok: true };
    });
  }

  return {
    freeHouseholds: computed(() => result.value?.households.nodes ?? []),
    freeCount: computed(() => result.value?.households.totalCount ?? 0),
    members: computed(() => result.value?.members.nodes ?? []),
    assignments: computed(() => result.value?.assignments.nodes ?? []),
    assignmentCount: computed(() => result.value?.assignments.totalCount ?? 0),
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: reload,
    assigning,
    unassigning,
    assign: (input: { householdId: string; memberId: string; startedOn?: string | null }) =>
      write(() => assignMutate({ input: { householdId: input.householdId, memberId: input.memberId, startedOn: input.startedOn || null } })),
    unassign: (input: { assignmentId: string; reason?: string | null }) =>
      write(() => unassignMutate({ input: { assignmentId: input.assignmentId, reason: input.reason?.trim() || null } })),
  };
}
