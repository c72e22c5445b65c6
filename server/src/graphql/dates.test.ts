import { afterEach, describe, expect, test, vi } from 'vitest';
import { addDays, daysBetween, today } from './dates.js';
import { LocalDateResolver } from './local-date.js';
import { Kind } from 'graphql';

describe('calendar dates', () => {
  afterEach(() => vi.useRealTimers());

  test("today() is the UTC date and changes at midnight UTC, though it is worked out once a day", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T23:59:59.999Z'));
    expect(today()).toBe('2026-11-23');
    vi.setSystemTime(new Date('2026-11-24T00:00:00.000Z'));
    expect(today()).toBe('2026-11-24');
    // A clock set back is followed too.
    vi.setSystemTime(new Date('2026-01-01T12:00:00.000Z'));
    expect(today()).toBe('2026-01-01');
  });

  test('days between dates, across months, leap days and the years 0001–0099', () => {
    expect(daysBetween('2026-11-23', '2026-11-23')).toBe(0);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(daysBetween('0001-01-01', '0001-01-31')).toBe(30);
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(addDays('2026-11-23', 30)).toBe('2026-12-23');
  });
});

describe('LocalDate', () => {
  test('sends dates from the database as they are, and refuses what is not a date', () => {
    expect(LocalDateResolver.serialize('2026-11-23')).toBe('2026-11-23');
    expect(LocalDateResolver.serialize(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23');
    expect(() => LocalDateResolver.serialize('23/11/2026')).toThrow('not a valid LocalDate');
    expect(() => LocalDateResolver.serialize(20261123)).toThrow('not a valid LocalDate');
  });

  test('input keeps the full calendar check (same name and description as graphql-scalars)', () => {
    expect(LocalDateResolver.name).toBe('LocalDate');
    expect(LocalDateResolver.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => LocalDateResolver.parseValue('2026-02-30')).toThrow();
    expect(() => LocalDateResolver.parseLiteral({ kind: Kind.STRING, value: '2026-13-01' }, {})).toThrow();
  });
});
