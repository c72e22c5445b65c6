import { describe, expect, it } from 'vitest';
import type { CoverageReportFieldsFragment } from '../../gql/graphql';
import { newerReport, reportChanges } from './use-coverage';

const figures = { households: 10, householdsCovered: 8, activeMembers: 4, membersWithHouseholds: 4, activeAssignments: 8, visitsOnTime: 6, overdue: 2, priorityHouseholds: 2, priorityHouseholdsCovered: 2 };

const report = (computedAt: string, onTimeOfCell: number): CoverageReportFieldsFragment => ({
  computedAt,
  unit: { unitId: '3', unitKind: 'COMMITTEE', name: 'Xã Hữu Khuông', figures: { ...figures, visitsOnTime: 10 + onTimeOfCell } },
  children: [
    { unitId: '31', unitKind: 'CELL', name: 'Chi bộ bản Xốp Mạt', figures: { ...figures, visitsOnTime: onTimeOfCell } },
    { unitId: '32', unitKind: 'CELL', name: 'Chi bộ bản Xàn', figures },
  ],
});

describe('live coverage', () => {
  it('keeps the later of the cached answer and the last push', () => {
    const cached = report('2025-05-12T08:00:00.000Z', 6);
    const pushed = report('2025-05-12T08:00:03.000Z', 7);
    expect(newerReport(cached, pushed)).toBe(pushed);
    expect(newerReport(pushed, cached)).toBe(pushed);
    expect(newerReport(undefined, cached)).toBe(cached);
  });

  it('says which figures of the unit and of which child a push changed', () => {
    const changes = reportChanges(report('2025-05-12T08:00:00.000Z', 6), report('2025-05-12T08:00:03.000Z', 7));
    expect([...changes.keys()]).toEqual(['', '31']);
    expect([...changes.get('31')!]).toEqual(['visitsOnTime']);
  });

  it('highlights nothing on the first answer or on another unit', () => {
    expect(reportChanges(undefined, report('2025-05-12T08:00:00.000Z', 6)).size).toBe(0);
    const other = { ...report('2025-05-12T08:00:00.000Z', 6), unit: { ...report('x', 6).unit, unitId: '4' } };
    expect(reportChanges(other, report('2025-05-12T08:00:03.000Z', 7)).size).toBe(0);
  });
});
