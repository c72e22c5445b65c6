/** Last year's quality classification of members and cells, and residence-cell ratings (Quy định 213). */
import type { Assignment } from './assignments.js';
import type { Ids, Member } from './people.js';
import { firstDayOfYear, Rng, stamp, weighted, yearOf } from './random.js';
import type { CommuneBatch, Grade } from './tables.js';
import { CELL_COMMENTS, MEMBER_COMMENTS, RESIDENCE_COMMENTS } from './texts.js';
import type { UnitPlan } from './tree.js';

const memberGrade = weighted<Grade>([['excellent', 12], ['good', 68], ['complete', 17], ['incomplete', 3]]);
const laxGrade = weighted<Grade>([['good', 30], ['complete', 55], ['incomplete', 15]]);
const cellGrade = weighted<Grade>([['excellent', 20], ['good', 65], ['complete', 13], ['incomplete', 2]]);
const rating = weighted([['good', 80], ['fair', 17], ['poor', 3]] as const);

interface Review { grade: Grade | null; submitted_at: string | null; approved_at: string | null; approved_by: string | null }

/**
 * Reviews run from early December to late January: submitted, then approved by the commune's
 * standing committee. Most of last year's are approved; some still wait, a few are drafts.
 */
function review(grade: Grade, year: number, approver: string, ref: number, rng: Rng): Review {
  const submitted = firstDayOfYear(year) + 338 + rng.int(0, 20);
  const approved = firstDayOfYear(year + 1) + rng.int(4, 30);
  const settled = year < yearOf(ref) - 1;
  const x = settled ? 1 : rng.next();
  if (x < 0.08 || submitted > ref) return { grade: rng.chance(0.5) ? grade : null, submitted_at: null, approved_at: null, approved_by: null };
  const submittedAt = stamp(submitted, rng.int(8 * 60, 17 * 60));
  if (x < 0.22 || approved > ref) return { grade, submitted_at: submittedAt, approved_at: null, approved_by: null };
  return { grade, submitted_at: submittedAt, approved_at: stamp(approved, rng.int(8 * 60, 17 * 60)), approved_by: approver };
}

/** The two last years: the older one is settled, last year's may still be under review early in the year. */
export function classify(unit: UnitPlan, members: Member[], assignments: Assignment[], rng: Rng, ids: Ids, ref: number, batch: CommuneBatch): void {
  const approver = `Ban Thường vụ ${unit.bloc ? unit.committee.name.replace('Đảng bộ', 'Đảng ủy') : `Đảng ủy ${unit.committee.name.charAt(0).toLowerCase()}${unit.committee.name.slice(1)}`}`;
  const held = new Map<Member, number>();
  for (const a of assignments) if (a.endDay === null) held.set(a.member, (held.get(a.member) ?? 0) + 1);
  for (let year = yearOf(ref) - 2; year < yearOf(ref); year++) {
    const last = `${year}-12-31`;
    for (const m of members) {
      // Exempt members are not graded; members admitted after the year are not either.
      if (m.row.status !== 'active' || m.row.party_joined_on > last) continue;
      const grade = m.lax ? laxGrade(rng) : memberGrade(rng);
      const r = review(grade, year, approver, ref, rng);
      const households = held.get(m) ?? 0;
      batch.member_classification.push({
        id: ++ids.member_classification, member_id: m.row.id, year, ...r,
        comment: r.grade ? `${MEMBER_COMMENTS[r.grade]}${households > 0 ? `; phụ trách ${households} hộ` : ''}` : null,
      });
    }
    for (const cell of unit.cells) {
      const r = review(cellGrade(rng), year, approver, ref, rng);
      batch.cell_classification.push({
        id: ++ids.cell_classification, cell_id: cell.row.id, year, ...r, comment: r.grade ? CELL_COMMENTS[r.grade] : null,
      });
    }
    for (const m of members) {
      if (m.row.residence_cell_id === null || m.row.party_joined_on > last) continue;
      const value = rating(rng);
      batch.residence_rating.push({
        id: ++ids.residence_rating, member_id: m.row.id, cell_id: m.row.residence_cell_id, year, rating: value,
        comment: RESIDENCE_COMMENTS[value],
      });
    }
  }
}
