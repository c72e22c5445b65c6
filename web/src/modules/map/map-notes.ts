import type { Role } from '../../gql/graphql';
import type { MapData } from './map-layers';

export type MapNoteKind = 'noLocations' | 'hidden' | 'truncated' | 'unlocated';

export interface MapNote {
  kind: MapNoteKind;
  /** i18n key of the sentence. */
  key: string;
  values: Record<string, string>;
}

type NoteMap = Pick<MapData, 'bounds' | 'households' | 'householdsTruncated'> & {
  unit: { locatedHouseholds: number; figures: { households: number } };
};

/**
 * What the map cannot show, said in words: no location at all, locations hidden from the
 * viewer's role (analysts never see homes), a sample of a large unit, homes never located.
 */
export function mapNotes(map: NoteMap, viewer: { roles: readonly { role: Role }[] } | null, format: (n: number) => string = String): MapNote[] {
  const notes: MapNote[] = [];
  if (!map.bounds) return [{ kind: 'noLocations', key: 'map.notes.noLocations', values: {} }];
  if (!map.households.length && map.unit.locatedHouseholds > 0) {
    const analyst = viewer?.roles.some((binding) => binding.role === 'ANALYST') ?? false;
    notes.push({ kind: 'hidden', key: analyst ? 'map.notes.hiddenAnalyst' : 'map.notes.hiddenRole', values: {} });
  } else if (map.householdsTruncated) {
    notes.push({
      kind: 'truncated',
      key: 'map.notes.truncated',
      values: { shown: format(map.households.length), total: format(map.unit.locatedHouseholds) },
    });
  }
  const unlocated = map.unit.figures.households - map.unit.locatedHouseholds;
  if (unlocated > 0) notes.push({ kind: 'unlocated', key: 'map.notes.unlocated', values: { n: format(unlocated) } });
  return notes;
}
