import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatLocalDate, isLocalDate, mondayOf, todayLocalDate } from './local-date';

describe('local dates', () => {
  it('finds the Monday that names an ISO week, across a month and a year', () => {
    expect(mondayOf('2025-05-12')).toBe('2025-05-12');
    expect(mondayOf('2025-05-18')).toBe('2025-05-12');
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
  });

  it('counts and adds whole days without time zone drift', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2025-01-01', '2025-03-01')).toBe(59);
    expect(daysBetween('2025-03-01', '2025-01-01')).toBe(-59);
  });

  it('takes today from the device calendar, not from UTC', () => {
    expect(todayLocalDate(new Date(2025, 4, 12, 0, 30))).toBe('2025-05-12');
    expect(todayLocalDate(new Date(2025, 4, 12, 23, 30))).toBe('2025-05-12');
  });

  it('accepts only real calendar dates from an address bar', () => {
    expect(isLocalDate('2025-05-12')).toBe(true);
    expect(isLocalDate('2025-02-30')).toBe(false);
    expect(isLocalDate('12/05/2025')).toBe(false);
    expect(isLocalDate(undefined)).toBe(false);
  });

  it('writes the day first in Vietnamese', () => {
    expect(formatLocalDate('2025-05-02', 'vi')).toBe('02/05/2025');
    expect(formatLocalDate('2025-05-02', 'en')).toBe('05/02/2025');
  });
});
