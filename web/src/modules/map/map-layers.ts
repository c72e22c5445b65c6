import type { CoverageMapFieldsFragment, HouseholdMapState, MapAreaFieldsFragment } from '../../gql/graphql';
import { HOUSEHOLD_STATES } from './map-legend';
import { boxOf, dotsPath, equirectangular, mercator, ringPath, type Box, type Point, type Projection } from './map-view';

export type MapData = CoverageMapFieldsFragment;
export type MapAreaData = MapAreaFieldsFragment;

/** An area as drawn: its outline in world coordinates, for the SVG and for hit-testing. */
export interface DrawnArea {
  key: string;
  area: MapAreaData;
  path: string;
  ring: Point[];
  box: Box;
  center: Point | null;
}

export interface DrawnHouseholds {
  /** Households in drawing order (on time, unassigned, overdue: the most urgent on top). */
  ids: string[];
  points: Point[];
  /** One path per state, and one of the priority households (drawn as rings under the dots). */
  paths: Record<HouseholdMapState, string>;
  priorityPath: string;
  counts: Record<HouseholdMapState, number>;
  priorityCount: number;
}

export const areaKey = (area: Pick<MapAreaData, 'unitKind' | 'unitId'>) => `${area.unitKind}:${area.unitId}`;

/** Web Mercator when raster tiles are drawn under the map (they are in it); plain equirectangular otherwise. */
export function mapProjection(map: Pick<MapData, 'bounds' | 'tileUrl'>): Projection | null {
  if (!map.bounds) return null;
  return map.tileUrl ? mercator(map.bounds) : equirectangular(map.bounds);
}

/**
 * The areas coloured on the map: a committee's child units, or the cell itself on a cell's map
 * (the API gives a cell no child areas). Units without a located household have no outline.
 */
export function drawnAreas(map: Pick<MapData, 'unit' | 'areas'>, unitKind: 'committee' | 'cell', projection: Projection): DrawnArea[] {
  const areas = unitKind === 'cell' ? [map.unit] : map.areas;
  return areas.flatMap((area) => {
    if (area.outline.length < 3) return [];
    const ring = area.outline.map((location) => projection.project(location));
    return [
      {
        key: areaKey(area),
        area,
        path: ringPath(projection, area.outline),
        ring,
        box: boxOf(projection, area.outline)!,
        center: area.center ? projection.project(area.center) : null,
      },
    ];
  });
}

export function drawnHouseholds(households: MapData['households'], projection: Projection): DrawnHouseholds {
  const byState = Object.fromEntries(HOUSEHOLD_STATES.map((state) => [state, [] as MapData['households']])) as Record<HouseholdMapState, MapData['households']>;
  for (const household of households) byState[household.state].push(household);
  const ordered = HOUSEHOLD_STATES.flatMap((state) => byState[state]);
  const points = ordered.map((household) => projection.project(household.location));
  const priority = points.filter((_, index) => ordered[index].priority);
  const paths = {} as Record<HouseholdMapState, string>;
  let offset = 0;
  for (const state of HOUSEHOLD_STATES) {
    paths[state] = dotsPath(points.slice(offset, offset + byState[state].length));
    offset += byState[state].length;
  }
  return {
    ids: ordered.map((household) => household.id),
    points,
    paths,
    priorityPath: dotsPath(priority),
    counts: Object.fromEntries(HOUSEHOLD_STATES.map((state) => [state, byState[state].length])) as Record<HouseholdMapState, number>,
    priorityCount: priority.length,
  };
}

/** What the first view shows: the unit's outline, else the bounds of its households. */
export function homeBox(map: Pick<MapData, 'unit' | 'bounds'>, projection: Projection): Box | null {
  if (map.unit.outline.length) return boxOf(projection, map.unit.outline);
  return map.bounds ? boxOf(projection, [map.bounds.southWest, map.bounds.northEast]) : null;
}
