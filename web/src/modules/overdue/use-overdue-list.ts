import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import { unitVariables, type UnitRef } from '../units/unit-ref';
import { filtersToVariables, type OverdueFilters } from './overdue-filters';
import { OVERDUE_PAGE_SIZE, OverdueAssignmentsQuery, OverdueVisitRecordedSubscription } from './overdue.documents';

export interface OverdueListOptions {
  pageSize?: number;
  /** Visits recorded close together cause one refetch, this long after the last. */
  liveDelayMs?: number;
}

/** Rows `from`–`to` (1-based) of the page at `pageIndex`; 0–0 for an empty page. */
export function pageSpan(pageIndex: number, pageSize: number, rowsOnPage: number): { from: number; to: number } {
  if (rowsOnPage === 0) return { from: 0, to: 0 };
  const from = pageIndex * pageSize + 1;
  return { from, to: from + rowsOnPage - 1 };
}

/** Runs `refresh` once, `delayMs` after the last of a burst of triggers, and says when it last did. */
export function createDebouncedRefresh(refresh: () => Promise<unknown> | undefined, delayMs: number) {
  const pending = ref(false);
  const updatedAt = ref<Date | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  function trigger() {
    pending.value = true;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        await refresh();
        updatedAt.value = new Date();
      } catch {
        // The rows shown stay; the next trigger tries again.
      } finally {
        pending.value = false;
      }
    }, delayMs);
  }
  return { trigger, pending, updatedAt, dispose: () => clearTimeout(timer) };
}

/**
 * One page of a unit's overdue visits, by cursor: "next" remembers the cursor it came from so
 * "previous" can go back. A visit recorded in the unit refetches the page shown (debounced).
 */
export function useOverdueList(unit: MaybeRefOrGetter<UnitRef>, filters: MaybeRefOrGetter<OverdueFilters>, options: OverdueListOptions = {}) {
  const pageSize = options.pageSize ?? OVERDUE_PAGE_SIZE;
  const listKey = computed(() => JSON.stringify([toValue(unit), toValue(filters)]));
  // The cursors belong to one list: other filters start again from the first page, in the same tick.
  const pages = shallowRef<{ key: string; cursors: (string | null)[] }>({ key: listKey.value, cursors: [null] });
  const cursors = computed(() => (pages.value.key === listKey.value ? pages.value.cursors : [null]));

  const { result, loading, error, refetch } = useQuery(
    OverdueAssignmentsQuery,
    () => ({ ...filtersToVariables(toValue(unit), toValue(filters)), first: pageSize, after: cursors.value.at(-1) ?? null }),
    { keepPreviousResult: true },
  );
  const connection = computed(() => result.value?.assignments);
  const pageIndex = computed(() => cursors.value.length - 1);
  // The rows shown stay until the next page arrives: number them by the page they came from.
  const shownIndex = ref(0);
  watch(result, () => (shownIndex.value = pageIndex.value));

  function next() {
    const info = connection.value?.pageInfo;
    if (!info?.hasNextPage || !info.endCursor || loading.value) return;
    pages.value = { key: listKey.value, cursors: [...cursors.value, info.endCursor] };
  }
  function previous() {
    if (cursors.value.length > 1) pages.value = { key: listKey.value, cursors: cursors.value.slice(0, -1) };
  }

  // Live: a visit recorded anywhere in the unit may take a row off this list.
  const refresher = createDebouncedRefresh(() => refetch(), options.liveDelayMs ?? 1_000);
  const live = useSubscription(
    OverdueVisitRecordedSubscription,
    () => unitVariables(toValue(unit)),
    () => ({ enabled: result.value !== undefined }),
  );
  live.onResult(refresher.trigger);
  // A dropped connection (a server restart, say) is tried again; the list itself stays usable meanwhile.
  let retry: ReturnType<typeof setTimeout> | undefined;
  live.onError(() => {
    clearTimeout(retry);
    retry = setTimeout(() => live.restart(), 5_000);
  });
  onScopeDispose(() => {
    refresher.dispose();
    clearTimeout(retry);
  });

  return {
    rows: computed(() => connection.value?.nodes ?? []),
    totalCount: computed(() => connection.value?.totalCount ?? 0),
    pageIndex,
    pageCount: computed(() => Math.max(1, Math.ceil((connection.value?.totalCount ?? 0) / pageSize))),
    span: computed(() => pageSpan(shownIndex.value, pageSize, connection.value?.nodes.length ?? 0)),
    hasNext: computed(() => connection.value?.pageInfo.hasNextPage ?? false),
    hasPrevious: computed(() => pageIndex.value > 0),
    next,
    previous,
    loaded: computed(() => result.value !== undefined),
    loading,
    error,
    refetch: () => refetch(),
    liveUpdatedAt: refresher.updatedAt,
    liveRefreshing: refresher.pending,
  };
}
