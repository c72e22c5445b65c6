import { describe, expect, it } from 'vitest';
import type { CoverageFiguresFieldsFragment } from '../../gql/graphql';
import { changedFigures, headline, nextSort, percentText, ratio, shareLevel, sortChildren } from './coverage-figures';

const figures = (patch: Partial<CoverageFiguresFieldsFragment> = {}): CoverageFiguresFieldsFragment => ({
  households: 100,
  householdsCovered: 80,
  activeMembers: 20,
  membersWithHouseholds: 18,
  activeAssignments: 80,
  visitsOnTime: 60,
  overdue: 20,
  priorityHouseholds: 10,
  priorityHouseholdsCovered: 10,
  ...patch,
});

const child = (name: string, patch: Partial<CoverageFiguresFieldsFragment> = {}) => ({
  unitId: name,
  unitKind: 'CELL' as const,
  name,
  figures: figures(patch),
});

describe('coverage figures', () => {
  it('gives each headline figure as a share of its whole', () => {
    expect(headline(figures())).toEqual({
      households: { part: 80, whole: 100, share: 0.8 },
      members: { part: 18, whole: 20, share: 0.9 },
      onTime: { part: 60, whole: 80, share: 0.75 },
      priority: { part: 10, whole: 10, share: 1 },
    });
  });

  it('has no share when there is nothing to cover, rather than 0 %', () => {
    expect(ratio(0, 0).share).toBeNull();
    expect(shareLevel(null)).toBe('none');
    expect(shareLevel(0.95)).toBe('high');
    expect(shareLevel(0.75)).toBe('mid');
    expect(shareLevel(0.2)).toBe('low');
  });

  it('sorts child units by a share, units without anything to measure last, ties by name', () => {
    const rows = [
      child('Chi bộ bản Xàn', { householdsCovered: 50 }),
      child('Chi bộ Cơ quan', { households: 0, householdsCovered: 0 }),
      child('Chi bộ bản Chà Lâng', { householdsCovered: 90 }),
      child('Chi bộ bản Huồi Cọ', { householdsCovered: 50 }),
    ];
    const names = (key: 'households', direction: 'asc' | 'desc') => sortChildren(rows, { key, direction }).map((row) => row.name);
    expect(names('households', 'asc')).toEqual(['Chi bộ bản Huồi Cọ', 'Chi bộ bản Xàn', 'Chi bộ bản Chà Lâng', 'Chi bộ Cơ quan']);
    expect(names('households', 'desc')).toEqual(['Chi bộ bản Chà Lâng', 'Chi bộ bản Huồi Cọ', 'Chi bộ bản Xàn', 'Chi bộ Cơ quan']);
  });

  it('sorts by Vietnamese name and by the overdue count', () => {
    const rows = [child('Xã Tam Quang', { overdue: 3 }), child('Xã Hữu Khuông', { overdue: 12 }), child('Xã Đồng Văn', { overdue: 0 })];
    expect(sortChildren(rows, { key: 'name', direction: 'asc' }).map((row) => row.name)).toEqual(['Xã Đồng Văn', 'Xã Hữu Khuông', 'Xã Tam Quang']);
    expect(sortChildren(rows, { key: 'overdue', direction: 'desc' }).map((row) => row.figures.overdue)).toEqual([12, 3, 0]);
  });

  it('flips the direction on the same column and starts a new one from the worst units', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'onTime')).toEqual({ key: 'onTime', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'overdue')).toEqual({ key: 'overdue', direction: 'desc' });
  });

  it('says which figures a live update changed', () => {
    expect([...changedFigures(figures(), figures({ visitsOnTime: 61, overdue: 19 }))]).toEqual(['visitsOnTime', 'overdue']);
    expect(changedFigures(undefined, figures()).size).toBe(0);
  });
});

describe('percentText', () => {
  it('rounds down, so 100 % is only shown when nothing is missing', () => {
    expect(percentText(0.996, 'vi')).toBe('99%');
    expect(percentText(1, 'en')).toBe('100%');
    expect(percentText(null, 'vi')).toBeNull();
  });
});
