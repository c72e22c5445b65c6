import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, isoDaysAgo } from '../../test/builders.js';

const MAP = `query ($committeeId: ID, $cellId: ID, $max: Int) {
  coverageMap(committeeId: $committeeId, cellId: $cellId, maxHouseholds: $max) {
    unit { unitKind unitId name locatedHouseholds outline { lat lng } center { lat lng } figures { households householdsCovered overdue } }
    areas { unitKind unitId name locatedHouseholds outline { lat lng } figures { households householdsCovered visitsOnTime overdue } }
    bounds { southWest { lat lng } northEast { lat lng } }
    households { id cellId location { lat lng } state priority }
    householdsTruncated householdsHidden tileUrl
  }
}`;

interface MapResult {
  unit: { locatedHouseholds: number; outline: { lat: number; lng: number }[]; center: { lat: number; lng: number } | null; figures: { households: number } };
  areas: { unitId: string; name: string; locatedHouseholds: number; outline: { lat: number; lng: number }[]; figures: { households: number; householdsCovered: number; visitsOnTime: number; overdue: number } }[];
  bounds: { southWest: { lat: number; lng: number }; northEast: { lat: number; lng: number } } | null;
  households: { id: string; cellId: string; location: { lat: number; lng: number }; state: string; priority: boolean }[];
  householdsTruncated: boolean;
  householdsHidden: number;
}

let api: TestApi;
let commune: number;
let cellA: number;
let cellB: number;
const homes: Record<string, number> = {};

beforeAll(async () => {
  api = await startTestApi();
  const seed = builders(api.sql, api.rootId);
  commune = await seed.committee({ parentId: await seed.committee({ kind: 'district' }) });
  cellA = await seed.cell(commune, { name: 'Chi bộ bản A' });
  cellB = await seed.cell(commune, { name: 'Chi bộ bản B' });
  const at = async (cell: number, lat: number | null, lng: number | null, flags: string[] = []) => {
    const id = await seed.household(cell, { flags });
    await api.sql('update household set lat = $1, lng = $2 where id = $3', [lat, lng, id]);
    return id;
  };
  homes.onTime = await at(cellA, 19.3001, 104.5001);
  homes.overdue = await at(cellA, 19.3101, 104.5101, ['policy_family']);
  homes.unassigned = await at(cellA, 19.3051, 104.5201);
  homes.b = await at(cellB, 19.4001, 104.6001);
  homes.unlocated = await at(cellB, null, null);
  const member = await seed.member(cellA);
  await seed.assignment(member, homes.onTime, { startedOn: isoDaysAgo(90) });
  await seed.visit(cellA, homes.onTime, isoDaysAgo(2), { memberId: member });
  await seed.assignment(await seed.member(cellA), homes.overdue, { startedOn: isoDaysAgo(90) });
});
afterAll(() => api.close());

const map = async (gql: TestApi['gql'], variables: Record<string, unknown>) => {
  const res = await gql<{ coverageMap: MapResult }>(MAP, variables);
  expect(res.errors).toBeUndefined();
  return res.data!.coverageMap;
};

describe('coverageMap', () => {
  test('draws each cell from its households with its figures, and lists located households by state', async () => {
    const result = await map(api.gql, { committeeId: commune });
    expect(result.areas.map((a) => [a.name, a.locatedHouseholds, a.figures.households, a.figures.householdsCovered, a.figures.overdue])).toEqual([
      ['Chi bộ bản A', 3, 3, 2, 1],
      ['Chi bộ bản B', 1, 2, 0, 0],
    ]);
    const [a] = result.areas;
    expect(a.outline.length).toBeGreaterThanOrEqual(4);
    // The outline encloses every household of the cell; its vertices sit on the grid, not on homes.
    const lats = a.outline.map((v) => v.lat);
    expect(Math.min(...lats)).toBeLessThanOrEqual(19.3001);
    expect(Math.max(...lats)).toBeGreaterThanOrEqual(19.3101);
    expect(a.outline.some((v) => v.lat === 19.3001 || v.lng === 104.5001)).toBe(false);
    const state = Object.fromEntries(result.households.map((h) => [Number(h.id), h.state]));
    expect(state).toEqual({ [homes.onTime]: 'ON_TIME', [homes.overdue]: 'OVERDUE', [homes.unassigned]: 'UNASSIGNED', [homes.b]: 'UNASSIGNED' });
    expect(result.households.find((h) => Number(h.id) === homes.overdue)!.priority).toBe(true);
    expect(result.householdsHidden).toBe(1);
    expect(result.householdsTruncated).toBe(false);
    expect(result.bounds!.southWest.lat).toBeLessThanOrEqual(19.3001);
    expect(result.bounds!.northEast.lng).toBeGreaterThanOrEqual(104.6001);
  });

  test('caps the households listed and says so', async () => {
    const result = await map(api.gql, { committeeId: commune, max: 2 });
    expect(result.households).toHaveLength(2);
    expect(result.householdsTruncated).toBe(true);
    expect((await map(api.gql, { committeeId: commune, max: 0 })).households).toEqual([]);
    const refused = await api.gql(MAP, { committeeId: commune, max: 1_000_000 });
    expect(refused.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHouseholds' });
  });

  test('a cell map has the cell as its one outline and no child areas', async () => {
    const result = await map(api.gql, { cellId: cellA });
    expect(result.areas).toEqual([]);
    expect(result.unit.locatedHouseholds).toBe(3);
    expect(result.households).toHaveLength(3);
  });

  test('an analyst sees outlines and figures but no household locations', async () => {
    const analyst = await api.account([{ role: 'analyst', committeeId: commune }]);
    const result = await map(analyst, { committeeId: commune });
    expect(result.areas).toHaveLength(2);
    expect(result.households).toEqual([]);
    expect(result.householdsHidden).toBe(5);
  });

  test('a secretary of one cell may map that cell, not the commune', async () => {
    const secretary = await api.account([{ role: 'cell_secretary', cellId: cellB }]);
    expect((await map(secretary, { cellId: cellB })).households.map((h) => Number(h.id))).toEqual([homes.b]);
    const refused = await secretary(MAP, { committeeId: commune });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await secretary(MAP, { cellId: cellA })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
