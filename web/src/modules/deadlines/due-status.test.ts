import { describe, expect, it } from 'vitest';
import { dueStatus } from './due-status';

const today = '2026-11-23';

describe('dueStatus', () => {
  it('reports the days overdue the server counted', () => {
    expect(dueStatus({ dueOn: '2026-11-06', daysOverdue: 17 }, today)).toEqual({ tone: 'overdue', days: 17, dueOn: '2026-11-06' });
  });

  it('counts the days left from the viewer’s today', () => {
    expect(dueStatus({ dueOn: '2026-11-25', daysOverdue: 0 }, today)).toEqual({ tone: 'soon', days: 2, dueOn: '2026-11-25' });
    expect(dueStatus({ dueOn: '2026-12-23', daysOverdue: 0 }, today)).toEqual({ tone: 'later', days: 30, dueOn: '2026-12-23' });
  });

  it('says due today on the day itself, and when the device is a day ahead of the server', () => {
    expect(dueStatus({ dueOn: today, daysOverdue: 0 }, today).tone).toBe('today');
    expect(dueStatus({ dueOn: '2026-11-22', daysOverdue: 0 }, today).tone).toBe('today');
  });

  it('has nothing to say without a due date (ended, answered or closed)', () => {
    expect(dueStatus({ dueOn: null, daysOverdue: 0 }, today)).toEqual({ tone: 'none', days: 0, dueOn: null });
  });
});
