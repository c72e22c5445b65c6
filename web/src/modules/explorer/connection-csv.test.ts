import { describe, expect, it } from 'vitest';
import { connectionCsv, csvFileName, findConnection, flattenRows, toCsv } from './connection-csv';

const BOM = '\uFEFF';

describe('findConnection', () => {
  it('finds the first object with a nodes array, in the order the fields were asked for', () => {
    const data = { viewer: { account: { id: '1' } }, visitStats: { totalCount: 2, nodes: [{ visits: 1 }, { visits: 2 }] }, other: { nodes: [] } };
    expect(findConnection(data)).toEqual({ path: ['visitStats'], rows: [{ visits: 1 }, { visits: 2 }], totalCount: 2 });
  });

  it('takes edges[].node when there are no nodes', () => {
    const data = { committee: { cells: { edges: [{ cursor: 'a', node: { id: '1' } }, { cursor: 'b', node: { id: '2' } }] } } };
    expect(findConnection(data)).toEqual({ path: ['committee', 'cells'], rows: [{ id: '1' }, { id: '2' }], totalCount: null });
  });

  it('takes the outer connection, not one nested in its rows', () => {
    const data = { members: { nodes: [{ id: '1', visits: { nodes: [{ id: 'v' }] } }] } };
    expect(findConnection(data)?.path).toEqual(['members']);
  });

  it('finds nothing in a result without a connection', () => {
    expect(findConnection({ viewer: { roles: [{ role: 'ANALYST' }] } })).toBeNull();
    expect(findConnection(null)).toBeNull();
  });
});

describe('flattenRows', () => {
  it('names nested fields with dots, in the order first seen', () => {
    const table = flattenRows([
      { unit: { unitKind: 'COMMITTEE', unitId: '7', name: 'Xã Hữu Khuông' }, period: '2026-01', topic: 'HEALTH', visits: 12 },
      { unit: { unitKind: 'COMMITTEE', unitId: '8', name: 'Xã Nga My' }, period: '2026-01', topic: null, visits: 3, households: 2 },
    ]);
    expect(table.columns).toEqual(['unit.unitKind', 'unit.unitId', 'unit.name', 'period', 'topic', 'visits', 'households']);
    expect(table.records).toEqual([
      ['COMMITTEE', '7', 'Xã Hữu Khuông', '2026-01', 'HEALTH', '12', ''],
      ['COMMITTEE', '8', 'Xã Nga My', '2026-01', '', '3', '2'],
    ]);
  });

  it('leaves a masked (null) field empty, even when it is an object in other rows', () => {
    const table = flattenRows([
      { id: '1', fullName: null, household: null },
      { id: '2', fullName: null, household: { address: null, id: 'h2' } },
    ]);
    expect(table.columns).toEqual(['id', 'fullName', 'household.address', 'household.id']);
    expect(table.records).toEqual([
      ['1', '', '', ''],
      ['2', '', '', 'h2'],
    ]);
  });

  it('keeps lists as JSON in one cell and booleans and numbers as written', () => {
    const table = flattenRows([{ tags: ['a', 'b'], ok: false, n: 0 }]);
    expect(table.records).toEqual([['["a","b"]', 'false', '0']]);
  });

  it('stops text that looks like a formula from running in Excel, but not negative numbers', () => {
    const table = flattenRows([{ a: '=HYPERLINK("x")', b: '+84 912', c: '-3', d: '@x', e: -3 }]);
    expect(table.records).toEqual([[`'=HYPERLINK("x")`, "'+84 912", '-3', "'@x", '-3']]);
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and starts with a BOM', () => {
    const csv = toCsv({ columns: ['name', 'note'], records: [['Bản "Xốp" Mạt', 'một, hai\nba']] });
    expect(csv).toBe(`${BOM}name,note\r\n"Bản ""Xốp"" Mạt","một, hai\nba"\r\n`);
  });

  it('is UTF-8 that Excel decodes: the BOM bytes, then Vietnamese letters', () => {
    const bytes = new TextEncoder().encode(toCsv({ columns: ['tên'], records: [['Tương Dương']] }));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('tên\r\nTương Dương\r\n');
  });
});

describe('connectionCsv', () => {
  it('exports the rows of the first connection, one line each after the header', () => {
    const exported = connectionCsv({ visitStats: { nodes: [{ period: '2026-01', visits: 5 }, { period: '2026-02', visits: 7 }] } });
    expect(exported?.rows).toHaveLength(2);
    expect(exported?.csv).toBe(`${BOM}period,visits\r\n2026-01,5\r\n2026-02,7\r\n`);
  });

  it('gives a header only for an empty connection', () => {
    expect(connectionCsv({ visitStats: { nodes: [] } })?.csv).toBe(`${BOM}\r\n`);
  });

  it('has nothing to export without a connection', () => {
    expect(connectionCsv({ viewer: { account: { id: '1' } } })).toBeNull();
  });
});

describe('csvFileName', () => {
  it('makes the saved query’s Vietnamese name safe for a file system', () => {
    expect(csvFileName('Lượt thăm theo tháng – Đô Lương', new Date('2026-11-23T08:00:00Z'))).toBe('luot-tham-theo-thang-do-luong-2026-11-23.csv');
    expect(csvFileName(null, new Date('2026-11-23T08:00:00Z'))).toBe('truy-van-2026-11-23.csv');
  });
});
