import { describe, expect, it } from 'vitest';
import { mapNotes } from './map-notes';

const base = {
  bounds: { southWest: { lat: 1, lng: 1 }, northEast: { lat: 2, lng: 2 } },
  households: [{ id: '1', cellId: '1', state: 'ON_TIME' as const, priority: false, location: { lat: 1, lng: 1 } }],
  householdsTruncated: false,
  unit: { locatedHouseholds: 1, figures: { households: 1 } },
};
const staff = { roles: [{ role: 'COMMITTEE_STAFF' as const }] };
const analyst = { roles: [{ role: 'ANALYST' as const }] };

describe('map notes', () => {
  it('says nothing when every household is on the map', () => {
    expect(mapNotes(base, staff)).toEqual([]);
  });

  it('tells an analyst that homes are hidden from the role', () => {
    const notes = mapNotes({ ...base, households: [], unit: { locatedHouseholds: 300, figures: { households: 300 } } }, analyst);
    expect(notes.map((note) => note.key)).toEqual(['map.notes.hiddenAnalyst']);
  });

  it('says how many of how many households a large unit shows', () => {
    const notes = mapNotes({ ...base, householdsTruncated: true, unit: { locatedHouseholds: 98_000, figures: { households: 100_000 } } }, staff, (n) => n.toLocaleString('en'));
    expect(notes).toEqual([
      { kind: 'truncated', key: 'map.notes.truncated', values: { shown: '1', total: '98,000' } },
      { kind: 'unlocated', key: 'map.notes.unlocated', values: { n: '2,000' } },
    ]);
  });

  it('explains an empty map', () => {
    expect(mapNotes({ ...base, bounds: null }, staff).map((note) => note.kind)).toEqual(['noLocations']);
  });
});
