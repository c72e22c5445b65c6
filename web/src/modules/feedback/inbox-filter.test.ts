import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, filterFromQuery, inboxVariables } from './inbox-filter';

describe('inboxVariables', () => {
  it('lists the open feedback of a committee by answer deadline, the most overdue first', () => {
    expect(inboxVariables({ kind: 'committee', id: '3' }, DEFAULT_FILTER, 25)).toEqual({
      committeeId: '3',
      statuses: ['RAISED', 'ESCALATED'],
      level: null,
      topic: null,
      overdue: null,
      orderBy: 'ANSWER_DUE_ON_ASC',
      first: 25,
    });
  });

  it('narrows a cell’s list by level, topic and lateness', () => {
    expect(inboxVariables({ kind: 'cell', id: '5' }, { tab: 'open', level: 'COMMUNE', topic: 'LAND', overdueOnly: true }, 25)).toMatchObject({
      cellId: '5',
      level: 'COMMUNE',
      topic: 'LAND',
      overdue: true,
    });
  });

  it('shows answered and closed feedback newest first, where lateness does not apply', () => {
    expect(inboxVariables({ kind: 'cell', id: '5' }, { ...DEFAULT_FILTER, tab: 'answered', overdueOnly: true }, 25)).toMatchObject({
      statuses: ['ANSWERED_ON_THE_SPOT', 'ANSWERED_IN_WRITING'],
      overdue: null,
      orderBy: 'NEWEST',
    });
    expect(inboxVariables({ kind: 'cell', id: '5' }, { ...DEFAULT_FILTER, tab: 'closed' }, 25).statuses).toEqual(['CLOSED']);
  });
});

describe('filterFromQuery', () => {
  it('opens the inbox from a link and ignores what it does not know', () => {
    expect(filterFromQuery({ tab: 'answered', level: 'COMMUNE', topic: 'LAND', overdue: '1' }, ['CELL', 'COMMUNE'], ['LAND'])).toEqual({
      tab: 'answered',
      level: 'COMMUNE',
      topic: 'LAND',
      overdueOnly: true,
    });
    expect(filterFromQuery({ tab: 'x', level: 'PROVINCE', topic: ['NOPE'] }, ['CELL'], ['LAND'])).toEqual(DEFAULT_FILTER);
  });
});
