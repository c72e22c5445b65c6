import type { CoverageFiguresFieldsFragment, UnitKind } from '../../gql/graphql';

/** A part of a whole: "412 of 515 households covered". */
export interface Ratio {
  part: number;
  whole: number;
  /** 0–1; null when there is nothing to cover, which is not the same as 0 %. */
  share: number | null;
}

export function ratio(part: number, whole: number): Ratio {
  return { part, whole, share: whole > 0 ? Math.min(1, part / whole) : null };
}

export type HeadlineKey = 'households' | 'members' | 'onTime' | 'priority';

/** The four headline figures of a unit, each a share of its whole. */
export function headline(figures: CoverageFiguresFieldsFragment): Record<HeadlineKey, Ratio> {
  return {
    households: ratio(figures.householdsCovered, figures.households),
    members: ratio(figures.membersWithHouseholds, figures.activeMembers),
    onTime: ratio(figures.visitsOnTime, figures.activeAssignments),
    priority: ratio(figures.priorityHouseholdsCovered, figures.priorityHouseholds),
  };
}

/** How well a share is going, for its colour: the programme asks for every household and every visit. */
export function shareLevel(share: number | null): 'none' | 'low' | 'mid' | 'high' {
  if (share === null) return 'none';
  if (share >= 0.9) return 'high';
  if (share >= 0.7) return 'mid';
  return 'low';
}

export type ChildSortKey = 'name' | HeadlineKey | 'overdue';
export type SortDirection = 'asc' | 'desc';

export interface ChildSort {
  key: ChildSortKey;
  direction: SortDirection;
}

interface ChildRow {
  unitId: string;
  unitKind: UnitKind;
  name: string;
  figures: CoverageFiguresFieldsFragment;
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

function sortValue(row: ChildRow, key: Exclude<ChildSortKey, 'name'>): number | null {
  return key === 'overdue' ? row.figures.overdue : headline(row.figures)[key].share;
}

/**
 * Child units in the order asked for. Units with nothing to measure (no households, say) go
 * last whichever the direction, and ties keep the order of their names.
 */
export function sortChildren<T extends ChildRow>(rows: readonly T[], sort: ChildSort): T[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const byName = collator.compare(a.name, b.name);
    if (sort.key === 'name') return sign * byName;
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? byName : x === null ? 1 : -1;
    return sign * (x - y) || byName;
  });
}

/** A column header clicked: the same column flips, a new one starts from where the worst units show first. */
export function nextSort(current: ChildSort, key: ChildSortKey): ChildSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  // Lowest coverage first and most overdue first are what an office looks for.
  return { key, direction: key === 'overdue' ? 'desc' : 'asc' };
}

export type FigureKey = keyof CoverageFiguresFieldsFragment;

const FIGURE_KEYS: readonly FigureKey[] = [
  'households',
  'householdsCovered',
  'activeMembers',
  'membersWithHouseholds',
  'activeAssignments',
  'visitsOnTime',
  'overdue',
  'priorityHouseholds',
  'priorityHouseholdsCovered',
];

/** Which figures differ between two reports of the same unit, to show what a live update changed. */
export function changedFigures(before: CoverageFiguresFieldsFragment | undefined, after: CoverageFiguresFieldsFragment): Set<FigureKey> {
  return new Set(before ? FIGURE_KEYS.filter((key) => before[key] !== after[key]) : []);
}

/** "80%", rounded down so that 100% means that nothing is missing; null when there is nothing to measure. */
export function percentText(share: number | null, locale: string): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Math.floor(share * 100) / 100);
}
