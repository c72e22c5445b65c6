import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { AssignmentOrder, PriorityFlag } from '../../gql/graphql';
import { unitVariables, type UnitRef } from '../units/unit-ref';

export const PRIORITY_FLAGS: readonly PriorityFlag[] = [
  'POLICY_FAMILY',
  'REVOLUTIONARY_MERIT',
  'RETIRED_CADRE',
  'PARTY_40_YEARS',
  'RELIGIOUS',
  'PERSON_OF_STANDING',
];

/** The orders the list offers, as the API names them: days overdue both ways, and the oldest last visit. */
export const OVERDUE_SORTS = ['most-overdue', 'least-overdue', 'last-visit'] as const;
export type OverdueSort = (typeof OVERDUE_SORTS)[number];

const ORDER_BY: Record<OverdueSort, AssignmentOrder> = {
  'most-overdue': 'DUE_ON_ASC',
  'least-overdue': 'DUE_ON_DESC',
  'last-visit': 'LAST_VISIT_ON_ASC',
};

/** A day count nobody types by mistake, so a typo in the address bar cannot ask for nonsense. */
export const MAX_MIN_DAYS = 3650;

/** What the overdue list is narrowed to; everything but the unit lives in the address bar. */
export interface OverdueFilters {
  /** One cell of a committee. */
  cellId: string | null;
  /** One member, on a cell's list. */
  memberId: string | null;
  /** At least this many days overdue. */
  minDays: number | null;
  /** Only priority households (any flag, poor or near-poor). */
  priority: boolean;
  /** Only households with one of these flags. */
  flags: PriorityFlag[];
  sort: OverdueSort;
}

export const DEFAULT_FILTERS: OverdueFilters = { cellId: null, memberId: null, minDays: null, priority: false, flags: [], sort: 'most-overdue' };

const ID = /^[A-Za-z0-9_-]{1,40}$/;

function single(value: LocationQuery[string] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : null;
}

function list(value: LocationQuery[string] | undefined): string[] {
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((entry) => (typeof entry === 'string' ? entry.split(',') : [])).filter(Boolean);
}

/** Reads the filters from the address bar; anything unknown or malformed is dropped, never sent to the API. */
export function parseFilters(query: LocationQuery, unit: UnitRef['kind']): OverdueFilters {
  const cell = single(query.cell);
  const member = single(query.member);
  const min = Number(single(query.min));
  const sort = single(query.sort);
  return {
    cellId: unit === 'committee' && cell && ID.test(cell) ? cell : null,
    memberId: unit === 'cell' && member && ID.test(member) ? member : null,
    minDays: Number.isInteger(min) && min >= 1 ? Math.min(min, MAX_MIN_DAYS) : null,
    priority: single(query.priority) === '1',
    flags: PRIORITY_FLAGS.filter((flag) => list(query.flags).includes(flag)),
    sort: OVERDUE_SORTS.find((known) => known === sort) ?? DEFAULT_FILTERS.sort,
  };
}

/** The address bar's query for the filters: defaults left out, so the plain list has a plain URL. */
export function filtersToQuery(filters: OverdueFilters): LocationQueryRaw {
  const query: LocationQueryRaw = {};
  if (filters.cellId) query.cell = filters.cellId;
  if (filters.memberId) query.member = filters.memberId;
  if (filters.minDays) query.min = String(filters.minDays);
  if (filters.priority) query.priority = '1';
  if (filters.flags.length) query.flags = filters.flags.join(',');
  if (filters.sort !== DEFAULT_FILTERS.sort) query.sort = filters.sort;
  return query;
}

export function activeFilterCount(filters: OverdueFilters): number {
  return [filters.cellId, filters.memberId, filters.minDays, filters.priority || null, filters.flags.length || null].filter((value) => value !== null).length;
}

/** The `assignments` arguments of the list: assignments in force whose due date has passed, in the unit. */
export function filtersToVariables(unit: UnitRef, filters: OverdueFilters) {
  return {
    ...unitVariables(unit),
    // On a committee's list a cell narrows it further; the committee stays, so a cell from elsewhere finds nothing.
    ...(filters.cellId ? { cellId: filters.cellId } : {}),
    memberId: filters.memberId,
    minDaysOverdue: filters.minDays,
    priority: filters.priority ? true : null,
    priorityFlags: filters.flags.length ? [...filters.flags] : null,
    orderBy: ORDER_BY[filters.sort],
  };
}

/** Column headings that sort: days overdue flips between its two orders, the last visit has one. */
export function sortForColumn(current: OverdueSort, column: 'daysOverdue' | 'lastVisit'): OverdueSort {
  if (column === 'lastVisit') return 'last-visit';
  return current === 'most-overdue' ? 'least-overdue' : 'most-overdue';
}

export function ariaSortOf(current: OverdueSort, column: 'daysOverdue' | 'lastVisit'): 'ascending' | 'descending' | 'none' {
  if (column === 'lastVisit') return current === 'last-visit' ? 'ascending' : 'none';
  if (current === 'most-overdue') return 'descending';
  return current === 'least-overdue' ? 'ascending' : 'none';
}
