/**
 * Deterministic demo data: the same (scale, seed, reference date) always gives the same rows.
 * The committee tree and cells come first (small); everything else is produced one unit (commune)
 * at a time, so a province-sized data set streams with bounded memory.
 */
import { makeAssignments } from './assignments.js';
import { classify } from './classify.js';
import { feedbackRows } from './feedback.js';
import { makeHouseholds, makeMembers, type Ids } from './people.js';
import { isoDay, Rng, stamp, toDay, todayUtc } from './random.js';
import { emptyBatch, SCALES, type CellRow, type CommitteeRow, type CommuneBatch, type Scale, type VisitPolicyRow } from './tables.js';
import { planTree, type UnitPlan } from './tree.js';
import { makeVisits } from './visits.js';

export { SCALES, type Scale } from './tables.js';

export interface GenerateOptions {
  scale: Scale;
  seed?: number;
  /** The last day of the data (YYYY-MM-DD); defaults to today (UTC) so the demo looks current. */
  referenceDate?: string;
}

export interface UnitBatch {
  unit: UnitPlan;
  batch: CommuneBatch;
}

export interface DemoData {
  scale: Scale;
  seed: number;
  referenceDate: string;
  committees: CommitteeRow[];
  visitPolicies: VisitPolicyRow[];
  cells: CellRow[];
  units: UnitPlan[];
  /** Generates the units one after the other; every call starts over and yields the same rows. */
  batches(): Generator<UnitBatch>;
}

export const DEFAULT_SEED = 1;

export function generateDemo(options: GenerateOptions): DemoData {
  if (!SCALES.includes(options.scale)) throw new Error(`Unknown scale "${options.scale}" (expected ${SCALES.join(', ')})`);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`The seed must be an integer, got ${seed}`);
  const referenceDate = options.referenceDate ?? todayUtc();
  const ref = toDay(referenceDate);
  const tree = planTree(options.scale, seed);
  return {
    scale: options.scale,
    seed,
    referenceDate,
    committees: tree.committees,
    visitPolicies: tree.policies,
    cells: tree.cells,
    units: tree.units,
    *batches() {
      const ids: Ids = {
        member: 0, household_group: 0, household: 0, household_poverty: 0, assignment: 0, visit: 0, feedback: 0,
        feedback_event: 0, member_classification: 0, cell_classification: 0, residence_rating: 0,
      };
      for (const unit of tree.units) yield { unit, batch: generateUnit(unit, seed, ref, ids) };
    },
  };
}

/** Every row of one unit; `ids` carries the last id of each table from one unit to the next. */
export function generateUnit(unit: UnitPlan, seed: number, ref: number, ids: Ids): CommuneBatch {
  const rng = (part: string) => new Rng(seed, 'unit', unit.committee.code, part);
  const batch = emptyBatch();
  const members = makeMembers(unit, rng('members'), ids, ref, batch);
  const households = makeHouseholds(unit, rng('households'), ids, ref, batch);
  const assignments = makeAssignments(unit, members, households, rng('assignments'), ref);
  const drafts = makeVisits(unit, members, households, assignments, rng('visits'), ref);

  for (const a of assignments) {
    const row = {
      id: ++ids.assignment, member_id: a.member.row.id, household_id: a.household.row.id, cell_id: a.household.row.cell_id,
      mode: a.member.row.lives_in_commune ? 'regular' as const : 'non_regular' as const,
      started_on: isoDay(a.startDay), ended_on: a.endDay === null ? null : isoDay(a.endDay), end_reason: a.endReason,
      last_visit_on: a.lastVisit === -Infinity ? null : isoDay(a.lastVisit), created_at: stamp(a.startDay, 9 * 60),
    };
    a.row = row;
    batch.assignment.push(row);
  }
  for (const h of households) h.row.last_visit_on = h.lastVisit === -Infinity ? null : isoDay(h.lastVisit);

  for (const d of drafts) {
    const id = ++ids.visit;
    batch.visit.push({
      id, kind: d.kind, cell_id: d.cell.row.id, household_id: d.household?.row.id ?? null,
      assignment_id: d.assignment?.row?.id ?? null, recorded_by_member_id: d.recordedBy.row.id,
      visited_on: isoDay(d.day), topics: d.topics, notes: d.notes, hot_spot: d.hotSpot, guest_participants: d.guests,
      created_at: stamp(d.day, d.minute),
    });
    for (const p of d.participants) batch.visit_participant.push({ visit_id: id, member_id: p.row.id });
    if (d.feedback) {
      const { row, events } = feedbackRows(d.feedback, ids, id, d.cell.row.id, d.household?.row.id ?? null);
      batch.feedback.push(row);
      for (const e of events) batch.feedback_event.push(e);
    }
  }
  classify(unit, members, assignments, rng('classification'), ids, ref, batch);
  return batch;
}
