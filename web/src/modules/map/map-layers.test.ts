import { describe, expect, it } from 'vitest';
import { drawnAreas, drawnHouseholds, homeBox, mapProjection, type MapAreaData, type MapData } from './map-layers';

const figures = {
  households: 2,
  householdsCovered: 1,
  activeAssignments: 1,
  overdue: 0,
  visitsOnTime: 1,
  priorityHouseholds: 1,
  priorityHouseholdsCovered: 0,
  membersWithHouseholds: 1,
  activeMembers: 2,
};
const ring = [
  { lat: 19.22, lng: 104.52 },
  { lat: 19.22, lng: 104.53 },
  { lat: 19.23, lng: 104.53 },
];
const area = (unitId: string, outline = ring): MapAreaData => ({
  unitKind: 'CELL',
  unitId,
  name: `Chi bộ ${unitId}`,
  locatedHouseholds: outline.length ? 2 : 0,
  center: outline.length ? { lat: 19.225, lng: 104.525 } : null,
  outline,
  figures,
});
const map: MapData = {
  unit: { ...area('0'), unitKind: 'COMMITTEE' },
  areas: [area('1'), area('2', [])],
  bounds: { southWest: { lat: 19.22, lng: 104.52 }, northEast: { lat: 19.23, lng: 104.53 } },
  households: [
    { id: 'a', cellId: '1', state: 'OVERDUE', priority: true, location: { lat: 19.221, lng: 104.521 } },
    { id: 'b', cellId: '1', state: 'ON_TIME', priority: false, location: { lat: 19.222, lng: 104.522 } },
    { id: 'c', cellId: '1', state: 'UNASSIGNED', priority: true, location: { lat: 19.223, lng: 104.523 } },
  ],
  householdsTruncated: false,
  householdsHidden: 0,
  tileUrl: null,
  computedAt: '2026-01-01T00:00:00.000Z',
};

describe('map layers', () => {
  it('projects with Mercator only under tiles', () => {
    expect(mapProjection(map)?.kind).toBe('equirectangular');
    expect(mapProjection({ ...map, tileUrl: 'https://t/{z}/{x}/{y}.png' })?.kind).toBe('mercator');
    expect(mapProjection({ ...map, bounds: null })).toBeNull();
  });

  it('draws the child units that have an outline, or the cell itself on a cell’s map', () => {
    const projection = mapProjection(map)!;
    expect(drawnAreas(map, 'committee', projection).map((drawn) => drawn.key)).toEqual(['CELL:1']);
    expect(drawnAreas(map, 'cell', projection).map((drawn) => drawn.key)).toEqual(['COMMITTEE:0']);
  });

  it('draws households in order of urgency, one path per state, rings for priority', () => {
    const drawn = drawnHouseholds(map.households, mapProjection(map)!);
    expect(drawn.ids).toEqual(['b', 'c', 'a']);
    expect(drawn.counts).toEqual({ ON_TIME: 1, UNASSIGNED: 1, OVERDUE: 1 });
    expect(drawn.priorityCount).toBe(2);
    expect(drawn.paths.OVERDUE.match(/M/g)).toHaveLength(1);
    expect(drawn.priorityPath.match(/M/g)).toHaveLength(2);
  });

  it('starts on the unit’s outline', () => {
    const projection = mapProjection(map)!;
    const box = homeBox(map, projection)!;
    expect(box.maxX - box.minX).toBeGreaterThan(1000);
  });
});
