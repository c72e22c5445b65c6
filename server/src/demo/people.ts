/** Members, household groups, households and poverty history of one unit. */
import { personName, phoneNumber, streetAddress } from './names.js';
import { firstDayOfYear, isoDay, Rng, weighted, yearOf } from './random.js';
import type { CommuneBatch, HouseholdRow, MemberRow, PovertyStatus } from './tables.js';
import { HEALTH_NOTES, POVERTY_NOTES } from './texts.js';
import type { CellPlan, UnitPlan } from './tree.js';

/** Last id used per table, shared by all units so ids are global and sequential. */
export type Ids = Record<'member' | 'household_group' | 'household' | 'household_poverty' | 'assignment' | 'visit' |
  'feedback' | 'feedback_event' | 'member_classification' | 'cell_classification' | 'residence_rating', number>;

export interface Member {
  row: MemberRow;
  cell: CellPlan;
  /** The village of this unit the member lives in, if any. */
  home: CellPlan | null;
  /** Share of the interval a member usually lets pass between visits (0.45 keen .. 1 at the limit). */
  pace: number;
  /** Lets visits lapse: most of this member's households end up overdue. */
  lax: boolean;
}

export interface Household {
  row: HouseholdRow;
  cell: CellPlan;
  groupId: number | null;
  priority: boolean;
  lastVisit: number;
}

const exemptReason = weighted([['age', 50], ['illness', 30], ['mobility', 15], ['other', 5]] as const);
const householdSize = weighted([[1, 5], [2, 10], [3, 18], [4, 25], [5, 20], [6, 12], [7, 6], [8, 3], [9, 1]] as const);
const FLAGS: readonly (readonly [string, number])[] = [
  ['policy_family', 0.06], ['revolutionary_merit', 0.03], ['retired_cadre', 0.04], ['party_40_years', 0.02],
  ['religious', 0.012], ['person_of_standing', 0.03],
];

export function makeMembers(unit: UnitPlan, rng: Rng, ids: Ids, ref: number, batch: CommuneBatch): Member[] {
  const refYear = yearOf(ref);
  const villages = unit.cells.filter((c) => c.territorial);
  const members: Member[] = [];
  for (const cell of unit.cells) {
    const exemptAt = new Set(rng.sample(Array.from({ length: cell.members }, (_, i) => i), cell.exempt));
    for (let i = 0; i < cell.members; i++) {
      const exempt = exemptAt.has(i);
      const reason = exempt ? exemptReason(rng) : null;
      const person = personName(rng, unit.upland, rng.chance(cell.territorial ? 0.7 : 0.55) ? 'male' : 'female');
      const age = reason === 'age' ? rng.int(75, 92)
        : Math.round(cell.territorial ? rng.around(52, 16, 23, 86) : rng.around(40, 9, 24, 58));
      const birthYear = refYear - age;
      const joinedYear = Math.min(refYear - 1, Math.max(1950, birthYear + Math.round(rng.around(27, 7, 19, 55))));
      const joined = Math.min(ref - 30, firstDayOfYear(joinedYear) + rng.int(0, 364));
      let home: CellPlan | null = null;
      let residence: CellPlan | null = null;
      let livesInCommune = true;
      if (unit.bloc) {
        residence = rng.pick(unit.elsewhere);
      } else if (cell.territorial) {
        home = cell;
        // Young members away working: they keep their cell but attach non-regularly.
        livesInCommune = exempt || age >= 36 || !rng.chance(0.14);
      } else if (rng.chance(0.3) && unit.elsewhere.length > 0) {
        livesInCommune = false;
        if (rng.chance(0.5)) residence = rng.pick(unit.elsewhere);
      } else if (villages.length > 0) {
        home = rng.pick(villages);
        if (rng.chance(0.45)) residence = home;
      }
      // Where the member lives: the residence cell's place, the home village, or a village of a neighbouring commune.
      const place = residence ?? home ?? (unit.elsewhere.length > 0 ? rng.pick(unit.elsewhere) : null);
      const address = place === null
        ? unit.addressTail
        : place.row.kind === 'residential_group' && place.place.startsWith('Khối')
          ? streetAddress(rng, place.place.toLowerCase(), place.tail)
          : `${place.place}, ${place.tail}`;
      const row: MemberRow = {
        id: ++ids.member, cell_id: cell.row.id, residence_cell_id: residence?.row.id ?? null, full_name: person.name,
        gender: person.gender, birth_year: birthYear, party_joined_on: isoDay(joined),
        status: exempt ? 'exempt' : 'active', exempt_reason: reason, lives_in_commune: livesInCommune,
        phone: rng.chance(exempt ? 0.4 : 0.9) ? phoneNumber(rng) : null, address,
        health_note: reason ? HEALTH_NOTES[reason] : null,
      };
      batch.member.push(row);
      const lax = rng.chance(livesInCommune ? 0.13 : 0.3);
      members.push({ row, cell, home, pace: lax ? rng.float(0.8, 1.3) : rng.float(0.4, 0.85), lax });
    }
  }
  return members;
}


export function makeHouseholds(unit: UnitPlan, rng: Rng, ids: Ids, ref: number, batch: CommuneBatch): Household[] {
  const households: Household[] = [];
  const urban = unit.committee.kind === 'ward' || unit.committee.kind === 'township';
  for (const cell of unit.cells) {
    if (!cell.territorial) continue;
    let left = cell.households;
    let groupNo = 0;
    while (left > 0) {
      const size = Math.min(left, rng.int(9, 16));
      left -= size;
      groupNo++;
      const grouped = rng.chance(0.95);
      let groupId: number | null = null;
      if (grouped) {
        groupId = ++ids.household_group;
        batch.household_group.push({ id: groupId, cell_id: cell.row.id, name: `${urban || !unit.upland ? 'Tổ liên gia' : 'Nhóm hộ'} số ${groupNo}` });
      }
      const gLat = cell.lat + rng.float(-0.004, 0.004);
      const gLng = cell.lng + rng.float(-0.005, 0.005);
      for (let i = 0; i < size; i++) {
        const head = personName(rng, unit.upland, rng.chance(0.72) ? 'male' : 'female');
        const flags = FLAGS.filter(([, p]) => rng.chance(unit.upland || p > 0.02 ? p : p * 3)).map(([flag]) => flag);
        const row: HouseholdRow = {
          id: ++ids.household, cell_id: cell.row.id, group_id: groupId, head_name: head.name,
          address: urban ? streetAddress(rng, cell.place.toLowerCase(), unit.addressTail) : `${cell.place}, ${unit.addressTail}`,
          lat: round6(gLat + rng.float(-0.0012, 0.0012)), lng: round6(gLng + rng.float(-0.0012, 0.0012)),
          size: householdSize(rng), priority_flags: flags, poverty_status: 'none', last_visit_on: null,
        };
        row.poverty_status = povertyHistory(row.id, unit.upland, rng, ids, ref, batch);
        batch.household.push(row);
        households.push({ row, cell, groupId, priority: flags.length > 0 || row.poverty_status !== 'none', lastVisit: -Infinity });
      }
    }
  }
  return households;
}

/**
 * Yearly poverty reviews (rà soát hộ nghèo) over the last five years: a row each time the status
 * changes, valid from 1 January. Returns the current status, which household.poverty_status keeps.
 */
function povertyHistory(householdId: number, upland: boolean, rng: Rng, ids: Ids, ref: number, batch: CommuneBatch): PovertyStatus {
  const refYear = yearOf(ref);
  const start = rng.next();
  let status: PovertyStatus = upland
    ? (start < 0.42 ? 'poor' : start < 0.62 ? 'near_poor' : 'none')
    : (start < 0.08 ? 'poor' : start < 0.16 ? 'near_poor' : 'none');
  let previous: PovertyStatus = status;
  let written = false;
  for (let year = refYear - 5; year <= refYear; year++) {
    if (year > refYear - 5) {
      const x = rng.next();
      const next: PovertyStatus = status === 'poor' ? (x < 0.16 ? 'near_poor' : x < 0.21 ? 'none' : 'poor')
        : status === 'near_poor' ? (x < 0.2 ? 'none' : x < 0.25 ? 'poor' : 'near_poor')
          : (x < (upland ? 0.03 : 0.01) ? 'near_poor' : 'none');
      if (next === status) continue;
      previous = status;
      status = next;
    } else if (status === 'none') {
      continue;
    }
    // 1 January of a year up to the reference year: never after the reference date.
    batch.household_poverty.push({
      id: ++ids.household_poverty, household_id: householdId, status, valid_from: isoDay(firstDayOfYear(year)),
      note: !written ? `Rà soát hộ nghèo năm ${year - 1}` : status === 'poor' ? POVERTY_NOTES.poor
        : status === 'none' ? POVERTY_NOTES.none : previous === 'poor' ? POVERTY_NOTES.near_poor : 'Rà soát hộ cận nghèo cuối năm',
    });
    written = true;
  }
  return status;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
