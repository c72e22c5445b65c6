import { describe, expect, it } from 'vitest';
import { daysBetween, formatLocalDate, isLocalDate, todayLocal } from './local-date';

describe('local dates', () => {
  it('takes today from the device calendar, not from UTC', () => {
    // 23:30 on 22 November in the device's zone is still the 22nd, wherever UTC is.
    expect(todayLocal(new Date(2026, 10, 22, 23, 30))).toBe('2026-11-22');
    expect(todayLocal(new Date(2026, 0, 5, 0, 5))).toBe('2026-01-05');
  });

  it('counts whole days across months and years', () => {
    expect(daysBetween('2026-11-23', '2026-12-23')).toBe(30);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-23', '2026-11-20')).toBe(-3);
  });

  it('accepts only real calendar days', () => {
    expect(isLocalDate('2026-11-23')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('23/11/2026')).toBe(false);
    expect(isLocalDate('')).toBe(false);
  });

  it('writes day/month/year', () => {
    expect(formatLocalDate('2026-11-03')).toBe('03/11/2026');
    expect(formatLocalDate(null)).toBe('');
  });
});
