import { ApolloError } from '@apollo/client/core';
import { useApolloClient, useMutation, useQuery } from '@vue/apollo-composable';
import type { GraphQLFormattedError } from 'graphql';
import { computed, reactive, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { ClassificationSheetFieldsFragment, ClassificationSheetQuery as SheetResult, Grade } from '../../gql/graphql';
import { CELL_KEY, classificationProblem, missingGrades, type Problem } from './classification-sheet';
import {
  ApproveClassificationMutation,
  ClassificationSheetQuery,
  ReturnClassificationMutation,
  SetCellClassificationMutation,
  SetMemberClassificationMutation,
  SubmitClassificationMutation,
} from './classification.documents';

/**
 * The record a write answered with; a refusal (the root field is null) is thrown with its errors.
 * Errors on single fields of an answered record (with `errorPolicy: 'all'`) leave it usable.
 */
function written<T>(answer: { errors?: readonly GraphQLFormattedError[] } | null | undefined, record: T | null | undefined): T {
  if (record) return record;
  throw new ApolloError({ graphQLErrors: answer?.errors ?? [] });
}

/** What is on screen for one record (a member's or the cell's) and where its saving stands. */
export interface RowDraft {
  grade: Grade | null;
  comment: string;
  state: 'idle' | 'saving' | 'saved' | 'error';
  problem: Problem | null;
}

/**
 * A cell's classification sheet for a year, and every write on it: grades and comments saved
 * one record at a time (in order per record), then submit, approve or return the whole sheet.
 * Writes put their answer into the cached sheet, so the page shows what the server holds.
 */
export function useClassificationSheet(cellId: MaybeRefOrGetter<string>, year: MaybeRefOrGetter<number>) {
  const variables = () => ({ cellId: toValue(cellId), year: toValue(year) });
  // A field that fails alone (a date) leaves the rest of the sheet readable: errors come with the data.
  const { result, loading, error, refetch } = useQuery(ClassificationSheetQuery, variables, { fetchPolicy: 'cache-and-network', errorPolicy: 'all' });
  const { resolveClient } = useApolloClient();
  const sheet = computed(() => result.value?.classificationSheet ?? null);

  const drafts = reactive(new Map<string, RowDraft>());
  const queues = new Map<string, Promise<void>>();

  // Drafts start from what the server holds; a record being edited keeps what is typed.
  watch(
    sheet,
    (current) => {
      if (!current) return;
      const records: [string, { grade?: Grade | null; comment?: string | null }][] = [
        ...current.members.map((row) => [row.member.id, row] as [string, typeof row]),
        [CELL_KEY, current.cellRecord],
      ];
      for (const [key, saved] of records) {
        const draft = drafts.get(key);
        if (draft && (draft.state === 'saving' || draft.state === 'error')) continue;
        drafts.set(key, { grade: saved.grade ?? null, comment: saved.comment ?? '', state: draft?.state ?? 'idle', problem: null });
      }
    },
    { immediate: true },
  );

  function updateCachedSheet(change: (sheet: ClassificationSheetFieldsFragment) => ClassificationSheetFieldsFragment) {
    const cache = resolveClient().cache;
    cache.updateQuery<SheetResult>({ query: ClassificationSheetQuery, variables: variables() }, (data) =>
      data ? { classificationSheet: change(data.classificationSheet) } : data,
    );
  }

  const partial = { errorPolicy: 'all' as const };
  const { mutate: setMember } = useMutation(SetMemberClassificationMutation, partial);
  const { mutate: setCell } = useMutation(SetCellClassificationMutation, partial);
  const { mutate: submitMutation, loading: submitting } = useMutation(SubmitClassificationMutation, partial);
  const { mutate: approveMutation, loading: approving } = useMutation(ApproveClassificationMutation, partial);
  const { mutate: returnMutation, loading: returning } = useMutation(ReturnClassificationMutation, partial);

  async function write(key: string) {
    const draft = drafts.get(key);
    if (!draft) return;
    const input = { year: toValue(year), grade: draft.grade, comment: draft.comment.trim() || null };
    draft.state = 'saving';
    draft.problem = null;
    try {
      if (key === CELL_KEY) {
        const answer = await setCell({ input: { ...input, cellId: toValue(cellId) } });
        const saved = written(answer, answer?.data?.setCellClassification);
        updateCachedSheet((current) => ({ ...current, cellRecord: saved }));
      } else {
        const answer = await setMember({ input: { ...input, memberId: key } });
        const saved = written(answer, answer?.data?.setMemberClassification);
        updateCachedSheet((current) => ({ ...current, members: current.members.map((row) => (row.member.id === key ? saved : row)) }));
      }
      // Typed again while this one was on its way: the next write in the queue reports.
      if (draft.state === 'saving') draft.state = 'saved';
    } catch (failure) {
      draft.state = 'error';
      draft.problem = classificationProblem(failure);
    }
  }

  /** Saves one record with what is on screen now, after any write of it still under way. */
  function save(key: string): Promise<void> {
    const next = (queues.get(key) ?? Promise.resolve()).then(() => write(key));
    queues.set(key, next);
    return next;
  }

  /** A grade chosen: saved at once. */
  function setGrade(key: string, grade: Grade | null) {
    const draft = drafts.get(key);
    if (!draft) return;
    draft.grade = grade;
    void save(key);
  }

  /** A comment being typed: kept on screen; the field asks for `save` when typing pauses. */
  function setComment(key: string, comment: string) {
    const draft = drafts.get(key);
    if (draft) draft.comment = comment;
  }

  /** Every write under way, done (before the sheet is sent). */
  async function settled(): Promise<void> {
    await Promise.all([...queues.values()]);
  }

  const gradesOnScreen = computed(() => new Map([...drafts].map(([key, draft]) => [key, draft.grade])));
  const missing = computed(() => (sheet.value ? missingGrades(sheet.value, gradesOnScreen.value) : null));

  /** Submit, approve or return: the answer is the new sheet; a refusal is said in words. */
  async function sheetAction(run: () => Promise<ClassificationSheetFieldsFragment | null | undefined>): Promise<Problem | null> {
    try {
      const next = await run();
      if (next) updateCachedSheet(() => next);
      return null;
    } catch (failure) {
      return classificationProblem(failure);
    }
  }

  const sheetInput = () => ({ input: { cellId: toValue(cellId), year: toValue(year) } });

  return {
    sheet,
    loading,
    error,
    refetch: () => refetch(),
    drafts,
    missing,
    save,
    setGrade,
    setComment,
    submitting,
    approving,
    returning,
    submit: async () => {
      await settled();
      return sheetAction(async () => {
        const answer = await submitMutation(sheetInput());
        return written(answer, answer?.data?.submitClassification);
      });
    },
    approve: () =>
      sheetAction(async () => {
        const answer = await approveMutation(sheetInput());
        return written(answer, answer?.data?.approveClassification);
      }),
    returnToCell: (note: string) =>
      sheetAction(async () => {
        const answer = await returnMutation({ input: { ...sheetInput().input, note } });
        return written(answer, answer?.data?.returnClassification);
      }),
  };
}
