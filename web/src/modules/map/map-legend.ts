import type { HouseholdMapState, MapAreaFieldsFragment } from '../../gql/graphql';

/** What the areas are coloured by. */
export type MapMetric = 'coverage' | 'overdue';

export const MAP_METRICS: readonly MapMetric[] = ['coverage', 'overdue'];

/**
 * Five equal classes of a share. Coverage reads greener as it rises; the overdue share reads
 * redder as it rises, so on both scales the darker end means "look here" only for overdue.
 */
export const CLASS_COLOURS: Record<MapMetric, readonly string[]> = {
  coverage: ['#f1eef6', '#c7dbe9', '#7fb5d5', '#3a8bbf', '#0b5a94'],
  overdue: ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'],
};

/** Fill of an area with nothing to measure (no households, or no assignments for the overdue share). */
export const NO_DATA_COLOUR = '#e5e7eb';

export const CLASS_COUNT = 5;

/** The share an area is coloured by; null when there is nothing to divide. */
export function metricShare(metric: MapMetric, figures: Pick<MapAreaFieldsFragment['figures'], 'households' | 'householdsCovered' | 'overdue' | 'activeAssignments'>): number | null {
  if (metric === 'coverage') return figures.households > 0 ? figures.householdsCovered / figures.households : null;
  return figures.activeAssignments > 0 ? figures.overdue / figures.activeAssignments : null;
}

/** Class 0–4 of a share in [0, 1]: 0–20 %, 20–40 %, … 80–100 % (100 % in the last class). */
export function shareClass(share: number): number {
  if (!Number.isFinite(share) || share <= 0) return 0;
  return Math.min(CLASS_COUNT - 1, Math.floor(share * CLASS_COUNT));
}

export function shareColour(metric: MapMetric, share: number | null): string {
  return share === null ? NO_DATA_COLOUR : CLASS_COLOURS[metric][shareClass(share)];
}

/** The legend's five classes with their bounds in percent. */
export function legendClasses(metric: MapMetric): { colour: string; from: number; to: number }[] {
  return CLASS_COLOURS[metric].map((colour, index) => ({ colour, from: (index * 100) / CLASS_COUNT, to: ((index + 1) * 100) / CLASS_COUNT }));
}

/** Household dots, in the order they are drawn (the most urgent on top). */
export const HOUSEHOLD_STATES: readonly HouseholdMapState[] = ['ON_TIME', 'UNASSIGNED', 'OVERDUE'];

export const STATE_COLOURS: Record<HouseholdMapState, string> = {
  ON_TIME: '#15803d',
  UNASSIGNED: '#6d28d9',
  OVERDUE: '#dc2626',
};

/** A share as a whole percent for people ("67 %"); a dash when there is nothing to divide. */
export function percent(share: number | null, locale: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
