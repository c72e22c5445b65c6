/** Who holds which household: near home first, whole household groups at the larger scales, a little history. */
import type { Household, Member } from './people.js';
import { Rng } from './random.js';
import type { AssignmentRow } from './tables.js';
import { END_REASONS, EXEMPT_END_REASON } from './texts.js';
import type { CellPlan, UnitPlan } from './tree.js';

export interface Assignment {
  member: Member;
  household: Household;
  startDay: number;
  endDay: number | null;
  endReason: string | null;
  lastVisit: number;
  row?: AssignmentRow;
}

/** Free households of one village, kept in group order so a member's households are neighbours. */
class Pool {
  private readonly byGroup = new Map<number | null, Household[]>();
  size = 0;
  constructor(households: Household[], rng: Rng) {
    for (const h of rng.shuffle(households.slice())) {
      const list = this.byGroup.get(h.groupId) ?? [];
      list.push(h);
      this.byGroup.set(h.groupId, list);
      this.size++;
    }
  }
  /** Up to `count` households, from the group with the most free ones when `together`, else from any group. */
  take(count: number, together: boolean, rng: Rng): Household[] {
    const taken: Household[] = [];
    while (taken.length < count && this.size > 0) {
      let list: Household[] | undefined;
      if (together) {
        for (const candidate of this.byGroup.values()) if (!list || candidate.length > list.length) list = candidate;
      } else {
        const nonEmpty = [...this.byGroup.values()].filter((l) => l.length > 0);
        list = rng.pick(nonEmpty);
      }
      const h = list!.pop()!;
      this.size--;
      taken.push(h);
    }
    return taken;
  }
}

export function makeAssignments(unit: UnitPlan, members: Member[], households: Household[], rng: Rng, ref: number): Assignment[] {
  if (households.length === 0) return [];
  const pools = new Map<CellPlan, Pool>();
  for (const cell of unit.cells) {
    if (cell.territorial) pools.set(cell, new Pool(households.filter((h) => h.cell === cell), rng));
  }
  const fullest = () => [...pools.values()].reduce((a, b) => (b.size > a.size ? b : a));
  const assignments: Assignment[] = [];
  const holding = new Map<Household, Assignment>();
  // Village members choose first (households next to their home), then the commune's staff fill the gaps.
  const order = [...members.filter((m) => m.home === m.cell), ...members.filter((m) => m.home !== m.cell)];
  for (const member of order) {
    if (member.row.status !== 'active' || rng.chance(unit.groupHolderShare > 0.5 ? 0.05 : 0.08)) continue;
    const regular = member.row.lives_in_commune;
    const groupHolder = regular && rng.chance(unit.groupHolderShare);
    const count = groupHolder ? (unit.groupHolderShare > 0.5 ? rng.int(5, 13) : rng.int(3, 5)) : rng.chance(0.55) ? 1 : 2;
    const homePool = member.home ? pools.get(member.home) : undefined;
    const chosen = homePool && homePool.size > 0 ? homePool.take(count, groupHolder, rng) : [];
    if (chosen.length < count) chosen.push(...fullest().take(count - chosen.length, groupHolder, rng));
    for (const household of chosen) {
      // Most assignments date from the start of the programme; some are new this month.
      const recent = rng.chance(0.05);
      const startDay = recent ? ref - rng.int(0, unit.regularInterval - 1) : ref - rng.int(45, 1400);
      const a: Assignment = { member, household, startDay, endDay: null, endReason: null, lastVisit: -Infinity };
      assignments.push(a);
      holding.set(household, a);
    }
  }
  // History: households that changed hands, and a few whose member left and nobody took over yet.
  const exempt = members.filter((m) => m.row.status === 'exempt');
  const others = members.filter((m) => m.row.status === 'active');
  for (const household of households) {
    const current = holding.get(household);
    const chance = current ? 0.1 : 0.04;
    if (!rng.chance(chance)) continue;
    const fromExempt = exempt.length > 0 && rng.chance(0.4);
    const member = fromExempt ? rng.pick(exempt) : rng.pick(others);
    if (!member || member === current?.member) continue;
    const endDay = ref - rng.int(30, 330);
    const startDay = endDay - rng.int(120, 1100);
    if (current) current.startDay = Math.min(ref, endDay + rng.int(0, 10));
    assignments.push({
      member, household, startDay, endDay, endReason: fromExempt ? EXEMPT_END_REASON : rng.pick(END_REASONS), lastVisit: -Infinity,
    });
  }
  // Ids follow creation order, as a live system would give them.
  return assignments.sort((a, b) => a.startDay - b.startDay || a.household.row.id - b.household.row.id);
}
