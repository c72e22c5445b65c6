import { useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { CoverageReportFieldsFragment } from '../../gql/graphql';
import { unitVariables, type UnitRef } from '../units/unit-ref';
import { changedFigures, type FigureKey } from './coverage-figures';
import { CoverageChangedSubscription, CoverageQuery } from './overview.documents';

/** How long a figure changed by a live update stays highlighted. */
const HIGHLIGHT_MS = 4_000;
/** A live connection that failed is tried again this much later. */
const RESUBSCRIBE_MS = 5_000;

export type LiveStatus = 'connecting' | 'live' | 'interrupted';

/** The later of two reports of the same unit: a query answered from the cache may be older than the last push. */
export function newerReport<T extends { computedAt: string }>(a: T | undefined, b: T | undefined): T | undefined {
  if (!a || !b) return a ?? b;
  return Date.parse(b.computedAt) >= Date.parse(a.computedAt) ? b : a;
}

/** Figures changed between two reports: for the unit under '', and for each child under its id. */
export function reportChanges(before: CoverageReportFieldsFragment | undefined, after: CoverageReportFieldsFragment): Map<string, Set<FigureKey>> {
  const changes = new Map<string, Set<FigureKey>>();
  if (!before || before.unit.unitId !== after.unit.unitId) return changes;
  const unit = changedFigures(before.unit.figures, after.unit.figures);
  if (unit.size) changes.set('', unit);
  const previous = new Map(before.children.map((child) => [child.unitId, child.figures]));
  for (const child of after.children) {
    const changed = changedFigures(previous.get(child.unitId), child.figures);
    if (changed.size) changes.set(child.unitId, changed);
  }
  return changes;
}

/**
 * Coverage of a unit and of each child unit, live: the query answers first (from the cache at
 * once when going back), then `coverageChanged` pushes new figures while anything changes.
 */
export function useCoverage(unit: MaybeRefOrGetter<UnitRef>) {
  const variables = () => unitVariables(toValue(unit));
  const query = useQuery(CoverageQuery, variables);
  // Subscribe only once the query answered: a unit the viewer may not read whole is refused
  // there, and a refused subscription would only repeat the refusal.
  const subscription = useSubscription(CoverageChangedSubscription, variables, () => ({ enabled: query.result.value !== undefined }));

  const report = computed(() => newerReport(query.result.value?.coverage, subscription.result.value?.coverageChanged));
  const changes = shallowRef(new Map<string, Set<FigureKey>>());
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  watch(report, (after, before) => {
    if (!after) return;
    const found = reportChanges(before, after);
    if (!found.size) return;
    changes.value = found;
    clearTimeout(clearTimer);
    clearTimer = setTimeout(() => (changes.value = new Map()), HIGHLIGHT_MS);
  });

  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  subscription.onError(() => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => subscription.restart(), RESUBSCRIBE_MS);
  });
  onScopeDispose(() => {
    clearTimeout(clearTimer);
    clearTimeout(retryTimer);
  });

  const status = computed<LiveStatus>(() => {
    if (subscription.error.value) return 'interrupted';
    return subscription.result.value ? 'live' : 'connecting';
  });

  return {
    report,
    /** Figures a live update just changed, by child unit id ('' for the unit itself). */
    changes,
    status,
    loaded: computed(() => query.result.value !== undefined),
    loading: query.loading,
    error: query.error,
    refetch: () => query.refetch(),
  };
}
