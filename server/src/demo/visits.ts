/** Twelve months of visits of one unit: home visits per assignment, delegations, group activities. */
import type { Assignment } from './assignments.js';
import { planFeedback, type FeedbackPlan } from './feedback.js';
import type { Household, Member } from './people.js';
import { Rng } from './random.js';
import type { Topic, VisitRow } from './tables.js';
import { DELEGATION_GUESTS, DELEGATION_NOTES, GROUP_ACTIVITIES, HOT_SPOT_NOTES, topicPicker, VISIT_NOTES } from './texts.js';
import type { CellPlan, UnitPlan } from './tree.js';

export interface VisitDraft {
  kind: VisitRow['kind'];
  cell: CellPlan;
  household: Household | null;
  assignment: Assignment | null;
  recordedBy: Member;
  day: number;
  /** Minutes after local midnight when the visit was recorded. */
  minute: number;
  topics: Topic[];
  notes: string | null;
  hotSpot: boolean;
  guests: string | null;
  participants: Member[];
  feedback: FeedbackPlan | null;
}

const YEAR = 365;

export function makeVisits(unit: UnitPlan, members: Member[], households: Household[], assignments: Assignment[], rng: Rng, ref: number): VisitDraft[] {
  const drafts: VisitDraft[] = [];
  const from = ref - YEAR + 1;
  for (const a of assignments) {
    const interval = a.member.row.lives_in_commune ? unit.regularInterval : unit.nonRegularInterval;
    const windowStart = Math.max(a.startDay, from);
    const windowEnd = a.endDay ?? ref;
    if (windowEnd < windowStart) continue;
    let last: number;
    if (a.endDay !== null) {
      last = windowEnd - rng.int(0, Math.min(20, interval));
    } else {
      const fresh = ref - a.startDay < interval;
      const overdue = !fresh && rng.chance(a.member.lax ? 0.7 : 0.07);
      if (!fresh && rng.chance(a.member.lax ? 0.12 : 0.015)) continue; // never visited
      if (fresh && rng.chance(0.5)) continue; // too new to have been visited yet
      last = overdue ? ref - interval - rng.int(1, Math.round(interval * 2.5)) : ref - Math.min(interval - 1, Math.floor(rng.next() ** 1.6 * interval));
    }
    // Walk back from the last visit with the member's usual pace and the odd lapse.
    for (let day = last; day >= windowStart;) {
      drafts.push(homeVisit(a, day, rng));
      const lapse = rng.chance(0.06) ? rng.float(1.1, 2.2) : 0;
      day -= Math.max(2, Math.round(interval * (lapse || a.member.pace * rng.float(0.8, 1.2))));
    }
  }
  const active = members.filter((m) => m.row.status === 'active');
  if (active.length === 0 || households.length === 0) return drafts;
  // "Mỗi tuần một điểm đến": commune leaders visit priority households two or three times a month.
  const office = unit.cells.find((c) => c.row.name === 'Chi bộ Cơ quan');
  const leaders = active.filter((m) => m.cell === office).slice(0, 6);
  const priority = households.filter((h) => h.priority);
  if (leaders.length > 0 && priority.length > 0) {
    for (let day = ref - rng.int(0, 9); day >= from; day -= rng.int(8, 16)) {
      const household = rng.pick(priority);
      const party = rng.sample(leaders, rng.int(2, Math.min(4, leaders.length)));
      const [notes, about] = rng.pick(DELEGATION_NOTES);
      drafts.push({
        kind: 'delegation', cell: household.cell, household, assignment: null, recordedBy: party[0], day,
        minute: rng.int(8 * 60, 16 * 60), topics: [...about], notes, hotSpot: false,
        guests: rng.pick(DELEGATION_GUESTS), participants: party, feedback: null,
      });
    }
  }
  // Household-group meetings led by the village's members, roughly every other month.
  for (const cell of unit.cells) {
    if (!cell.territorial) continue;
    const locals = active.filter((m) => m.home === cell && m.row.lives_in_commune);
    if (locals.length === 0) continue;
    for (let day = ref - rng.int(0, 40); day >= from; day -= rng.int(35, 75)) {
      const party = rng.sample(locals, rng.int(1, Math.min(4, locals.length)));
      const [notes, about] = rng.pick(GROUP_ACTIVITIES);
      drafts.push({
        kind: 'group_activity', cell, household: null, assignment: null, recordedBy: party[0], day,
        minute: rng.int(18 * 60, 21 * 60), topics: [...about], notes, hotSpot: false,
        guests: null, participants: party, feedback: null,
      });
    }
  }
  for (const draft of drafts) {
    const p = draft.hotSpot ? 0.9 : draft.kind === 'home_visit' ? 0.035 : draft.kind === 'delegation' ? 0.4 : 0.2;
    if (rng.chance(p)) {
      if (draft.topics.length === 0) draft.topics.push(topicPicker(rng));
      draft.feedback = planFeedback(unit, draft, rng.pick(draft.topics), rng, ref);
    }
    if (draft.household) draft.household.lastVisit = Math.max(draft.household.lastVisit, draft.day);
    if (draft.assignment) draft.assignment.lastVisit = Math.max(draft.assignment.lastVisit, draft.day);
  }
  // Chronological ids, as recorded by a live system.
  return drafts.sort((a, b) => a.day - b.day || a.minute - b.minute || a.cell.row.id - b.cell.row.id || (a.household?.row.id ?? 0) - (b.household?.row.id ?? 0));
}

function homeVisit(a: Assignment, day: number, rng: Rng): VisitDraft {
  const hotSpot = rng.chance(0.003);
  const noted = hotSpot ? rng.pick(HOT_SPOT_NOTES) : rng.chance(0.3) ? rng.pick(VISIT_NOTES) : null;
  return {
    kind: 'home_visit', cell: a.household.cell, household: a.household, assignment: a, recordedBy: a.member, day,
    minute: rng.int(17 * 60, 21 * 60 + 30), topics: noted ? [...noted[1]] : topics(rng, 0, 2), notes: noted?.[0] ?? null,
    hotSpot, guests: null, participants: [a.member], feedback: null,
  };
}

function topics(rng: Rng, min: number, max: number): Topic[] {
  const count = rng.int(min, max);
  const list: Topic[] = [];
  for (let i = 0; i < count; i++) {
    const t = topicPicker(rng);
    if (!list.includes(t)) list.push(t);
  }
  return list;
}
