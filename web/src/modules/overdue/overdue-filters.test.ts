import { describe, expect, it } from 'vitest';
import { ariaSortOf, DEFAULT_FILTERS, filtersToQuery, filtersToVariables, parseFilters, sortForColumn } from './overdue-filters';

describe('overdue filters in the address bar', () => {
  it('reads every filter of a committee’s list and writes it back the same', () => {
    const query = { cell: '31', min: '14', priority: '1', flags: 'POLICY_FAMILY,RETIRED_CADRE', sort: 'last-visit' };
    const filters = parseFilters(query, 'committee');
    expect(filters).toEqual({ cellId: '31', memberId: null, minDays: 14, priority: true, flags: ['POLICY_FAMILY', 'RETIRED_CADRE'], sort: 'last-visit' });
    expect(filtersToQuery(filters)).toEqual(query);
  });

  it('gives the plain list a plain address', () => {
    expect(parseFilters({}, 'cell')).toEqual(DEFAULT_FILTERS);
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({});
  });

  it('drops what does not belong to the page or is malformed, rather than sending it to the API', () => {
    expect(parseFilters({ member: '7', cell: '31' }, 'committee')).toMatchObject({ memberId: null, cellId: '31' });
    expect(parseFilters({ member: '7', cell: '31' }, 'cell')).toMatchObject({ memberId: '7', cellId: null });
    const junk = parseFilters({ cell: '1; drop', min: '-3', priority: 'yes', flags: ['POOR', 'RELIGIOUS'], sort: 'name' }, 'committee');
    expect(junk).toEqual({ ...DEFAULT_FILTERS, flags: ['RELIGIOUS'] });
    expect(parseFilters({ min: '2.5' }, 'cell').minDays).toBeNull();
    expect(parseFilters({ min: '99999' }, 'cell').minDays).toBe(3650);
  });

  it('accepts flags repeated in the query as well as comma-separated', () => {
    expect(parseFilters({ flags: ['RELIGIOUS', 'PARTY_40_YEARS'] }, 'cell').flags).toEqual(['PARTY_40_YEARS', 'RELIGIOUS']);
  });
});

describe('overdue filters as API arguments', () => {
  it('narrows a committee to one cell without leaving the committee', () => {
    const variables = filtersToVariables({ kind: 'committee', id: '3' }, { ...DEFAULT_FILTERS, cellId: '31', minDays: 30 });
    expect(variables).toEqual({
      committeeId: '3',
      cellId: '31',
      memberId: null,
      minDaysOverdue: 30,
      priority: null,
      priorityFlags: null,
      orderBy: 'DUE_ON_ASC',
    });
  });

  it('asks a cell’s list for one member, priority households and the least overdue first', () => {
    const variables = filtersToVariables({ kind: 'cell', id: '31' }, { ...DEFAULT_FILTERS, memberId: '7', priority: true, flags: ['RELIGIOUS'], sort: 'least-overdue' });
    expect(variables).toMatchObject({ committeeId: null, cellId: '31', memberId: '7', priority: true, priorityFlags: ['RELIGIOUS'], orderBy: 'DUE_ON_DESC' });
  });
});

describe('sorting by column heading', () => {
  it('flips days overdue between its two directions and says so to screen readers', () => {
    expect(sortForColumn('most-overdue', 'daysOverdue')).toBe('least-overdue');
    expect(sortForColumn('least-overdue', 'daysOverdue')).toBe('most-overdue');
    expect(sortForColumn('last-visit', 'daysOverdue')).toBe('most-overdue');
    expect(sortForColumn('most-overdue', 'lastVisit')).toBe('last-visit');
    expect(ariaSortOf('most-overdue', 'daysOverdue')).toBe('descending');
    expect(ariaSortOf('least-overdue', 'daysOverdue')).toBe('ascending');
    expect(ariaSortOf('last-visit', 'daysOverdue')).toBe('none');
    expect(ariaSortOf('last-visit', 'lastVisit')).toBe('ascending');
  });
});
