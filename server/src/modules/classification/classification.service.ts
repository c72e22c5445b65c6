import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { DomainError, badInput } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { cellTarget, visibleOrNotFound } from '../../graphql/targets.js';
import { forbidden } from '../../auth/schema-policy.js';
import { canApproveClassification, canManageCell } from '../../auth/policy.js';
import {
  ClassificationStatus, type CellClassificationRow, type CellClassificationStatus, type ClassificationSheet, type Grade,
  type MemberClassificationRow, type MemberIndicators, type ResidenceRatingValue,
} from './classification.types.js';

interface RecordColumns {
  grade: Grade | null;
  comment: string | null;
  submitted_at: Date | string | null;
  approved_at: Date | string | null;
  approved_by: string | null;
  return_note: string | null;
}

interface MemberRow extends RecordColumns {
  member_id: number;
  active: boolean;
  households_held: number;
  visits_due: number;
  visits_made: number;
  feedback_raised: number;
  feedback_resolved: number;
  residence_cell_id: number | null;
  rating: ResidenceRatingValue | null;
  rating_comment: string | null;
}

interface CellRow extends Partial<RecordColumns> {
  households: number;
  covered: number;
  visits_made: number;
  feedback_raised: number;
  feedback_resolved: number;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'a year between 2000 and 2100');
}

const statusOf = (row: Partial<RecordColumns>): ClassificationStatus =>
  row.approved_at ? ClassificationStatus.APPROVED : row.submitted_at ? ClassificationStatus.SUBMITTED : ClassificationStatus.DRAFT;

/** Raw rows carry timestamps as the driver gives them (text here); the API's DateTimeISO wants a Date. */
const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);

const record = (row: Partial<RecordColumns>) => ({
  grade: row.grade ?? null,
  comment: row.comment ?? null,
  status: statusOf(row),
  submittedAt: date(row.submitted_at),
  approvedAt: date(row.approved_at),
  approvedBy: row.approved_by ?? null,
  returnNote: row.return_note ?? null,
});

/**
 * Members of a cell (its working members) with their indicators and classification for a year,
 * in one set-based statement: assignments overlapping the year (up to today) give households
 * held and visits due (days in force ÷ interval), visits under them and feedback on those visits.
 */
async function memberRows(em: EntityManager, cellId: number, year: number, memberId?: number): Promise<MemberRow[]> {
  return em.execute<MemberRow[]>(
    `with yr as (select make_date(?, 1, 1) as y0, least(make_date(?, 12, 31), current_date) as y1),
     members as (select m.id, m.status, m.residence_cell_id from member m where m.cell_id = ? and (?::int is null or m.id = ?)),
     held as (
       select a.member_id, count(distinct a.household_id)::int as households_held,
              sum(greatest(0, least(coalesce(a.ended_on, yr.y1), yr.y1) - greatest(a.started_on, yr.y0) + 1) / a.interval_days)::int as visits_due
         from assignment a cross join yr
        where a.member_id in (select id from members) and a.started_on <= yr.y1 and coalesce(a.ended_on, yr.y1) >= yr.y0
        group by a.member_id),
     made as (
       select a.member_id, count(*)::int as visits_made
         from visit v join assignment a on a.id = v.assignment_id cross join yr
        where a.member_id in (select id from members) and v.visited_on between yr.y0 and yr.y1
        group by a.member_id),
     raised as (
       select a.member_id, count(*)::int as feedback_raised,
              count(*) filter (where f.status in ('answered_on_the_spot','answered_in_writing','closed'))::int as feedback_resolved
         from feedback f join visit v on v.id = f.visit_id join assignment a on a.id = v.assignment_id cross join yr
        where a.member_id in (select id from members) and f.raised_on between yr.y0 and yr.y1
        group by a.member_id)
     select m.id as member_id, m.status = 'active' as active, m.residence_cell_id,
            coalesce(held.households_held, 0) as households_held, coalesce(held.visits_due, 0) as visits_due,
            coalesce(made.visits_made, 0) as visits_made,
            coalesce(raised.feedback_raised, 0) as feedback_raised, coalesce(raised.feedback_resolved, 0) as feedback_resolved,
            rr.rating, rr.comment as rating_comment,
            mc.grade, mc.comment, mc.submitted_at, mc.approved_at, mc.approved_by, mc.return_note
       from members m
       left join held on held.member_id = m.id
       left join made on made.member_id = m.id
       left join raised on raised.member_id = m.id
       left join residence_rating rr on rr.member_id = m.id and rr.year = ?
       left join member_classification mc on mc.member_id = m.id and mc.year = ?
      order by m.id`,
    [year, year, cellId, memberId ?? null, memberId ?? null, year, year],
  );
}

const memberRow = (row: MemberRow): MemberClassificationRow => ({
  ...record(row),
  memberId: row.member_id,
  required: row.active,
  indicators: indicators(row),
});

const indicators = (row: MemberRow): MemberIndicators => ({
  householdsHeld: row.households_held,
  visitsMade: row.visits_made,
  visitsDue: row.visits_due,
  feedbackRaised: row.feedback_raised,
  feedbackResolved: row.feedback_resolved,
  residenceCellId: row.residence_cell_id,
  residenceRating: row.rating,
  residenceComment: row.rating_comment,
});

async function cellRecord(em: EntityManager, cellId: number, year: number, members: MemberClassificationRow[]): Promise<CellClassificationRow> {
  const [row] = await em.execute<CellRow[]>(
    `with yr as (select make_date(?, 1, 1) as y0, least(make_date(?, 12, 31), current_date) as y1)
     select (select count(*)::int from household h where h.cell_id = ?) as households,
            (select count(*)::int from household h join assignment a on a.household_id = h.id and a.ended_on is null where h.cell_id = ?) as covered,
            (select count(*)::int from visit v, yr where v.cell_id = ? and v.visited_on between yr.y0 and yr.y1) as visits_made,
            (select count(*)::int from feedback f, yr where f.cell_id = ? and f.raised_on between yr.y0 and yr.y1) as feedback_raised,
            (select count(*)::int from feedback f, yr where f.cell_id = ? and f.raised_on between yr.y0 and yr.y1
                and f.status in ('answered_on_the_spot','answered_in_writing','closed')) as feedback_resolved,
            cc.grade, cc.comment, cc.submitted_at, cc.approved_at, cc.approved_by, cc.return_note
       from (select 1) one left join cell_classification cc on cc.cell_id = ? and cc.year = ?`,
    [year, year, cellId, cellId, cellId, cellId, cellId, cellId, year],
  );
  return {
    ...record(row),
    indicators: {
      activeMembers: members.filter((m) => m.required).length,
      membersWithHouseholds: members.filter((m) => m.indicators.householdsHeld > 0).length,
      households: row.households,
      householdsCovered: row.covered,
      visitsMade: row.visits_made,
      visitsDue: members.reduce((sum, m) => sum + m.indicators.visitsDue, 0),
      feedbackRaised: row.feedback_raised,
      feedbackResolved: row.feedback_resolved,
    },
  };
}

/** The sheet's status: approved once the cell's record is, submitted once it is sent, else a draft. */
const sheetStatus = (cell: CellClassificationRow): ClassificationStatus => cell.status;

export async function classificationSheet(ctx: Context, cellIdArg: string, year: number, em: EntityManager = ctx.em): Promise<ClassificationSheet> {
  checkYear(year);
  const cellId = parseId(cellIdArg, 'cellId');
  await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
  const target = await cellTarget(ctx, cellId);
  const manages = canManageCell(ctx.scope, target);
  const approves = canApproveClassification(ctx.scope, target);
  if (!manages && !approves) throw forbidden('classification of a cell you do not manage');
  const members = (await memberRows(em, cellId, year)).map(memberRow);
  const cellRecordRow = await cellRecord(em, cellId, year, members);
  const status = sheetStatus(cellRecordRow);
  return {
    cellId,
    year,
    status,
    members,
    cellRecord: cellRecordRow,
    editable: manages && status === ClassificationStatus.DRAFT,
    approvable: approves && status === ClassificationStatus.SUBMITTED,
  };
}

/** The member, visible and in a cell the viewer manages. */
async function managedMember(ctx: Context, memberIdArg: string): Promise<{ memberId: number; cellId: number }> {
  const memberId = parseId(memberIdArg, 'memberId');
  const member = await visibleOrNotFound(ctx.loaders.member.load(memberId), 'memberId');
  if (!canManageCell(ctx.scope, await cellTarget(ctx, member.cell.id))) throw forbidden('classification of a member of a cell you do not manage');
  return { memberId, cellId: member.cell.id };
}

async function managedCell(ctx: Context, cellIdArg: string): Promise<number> {
  const cellId = parseId(cellIdArg, 'cellId');
  await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
  if (!canManageCell(ctx.scope, await cellTarget(ctx, cellId))) throw forbidden('classification of a cell you do not manage');
  return cellId;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Who: the cell's secretary or committee staff over it. A submitted or approved grade cannot change (database triggers). */
export async function setMemberClassification(ctx: Context, input: { memberId: string; year: number; grade?: Grade | null; comment?: string | null }): Promise<MemberClassificationRow> {
  checkYear(input.year);
  const { memberId, cellId } = await managedMember(ctx, input.memberId);
  return inTransaction(ctx, async (em) => {
    await em.execute(
      `insert into member_classification (member_id, year, grade, comment) values (?, ?, ?, ?)
       on conflict (member_id, year) do update set grade = excluded.grade, comment = excluded.comment`,
      [memberId, input.year, input.grade ?? null, text(input.comment)],
    );
    return memberRow((await memberRows(em, cellId, input.year, memberId))[0]);
  });
}

export async function setCellClassification(ctx: Context, input: { cellId: string; year: number; grade?: Grade | null; comment?: string | null }): Promise<CellClassificationRow> {
  checkYear(input.year);
  const cellId = await managedCell(ctx, input.cellId);
  return inTransaction(ctx, async (em) => {
    await em.execute(
      `insert into cell_classification (cell_id, year, grade, comment) values (?, ?, ?, ?)
       on conflict (cell_id, year) do update set grade = excluded.grade, comment = excluded.comment`,
      [cellId, input.year, input.grade ?? null, text(input.comment)],
    );
    return cellRecord(em, cellId, input.year, (await memberRows(em, cellId, input.year)).map(memberRow));
  });
}

/**
 * Sends the sheet to the committee: every active member and the cell must have a grade
 * (CLASSIFICATION_INCOMPLETE names the first missing one and lists them all). Rows are locked
 * first, so a grade cleared concurrently cannot slip through.
 */
export async function submitClassification(ctx: Context, input: { cellId: string; year: number }): Promise<ClassificationSheet> {
  checkYear(input.year);
  const cellId = await managedCell(ctx, input.cellId);
  await inTransaction(ctx, async (em) => {
    await em.execute(`insert into cell_classification (cell_id, year) values (?, ?) on conflict do nothing`, [cellId, input.year]);
    const [cell] = await em.execute<RecordColumns[]>(`select * from cell_classification where cell_id = ? and year = ? for update`, [cellId, input.year]);
    if (cell.approved_at) throw new DomainError('CLASSIFICATION_LOCKED', { field: 'cellId' });
    if (cell.submitted_at) return;
    const missing = await em.execute<{ id: number }[]>(
      `select m.id from member m left join member_classification mc on mc.member_id = m.id and mc.year = ?
        where m.cell_id = ? and m.status = 'active' and mc.grade is null order by m.id for update of m`,
      [input.year, cellId],
    );
    if (missing.length) {
      throw new DomainError('CLASSIFICATION_INCOMPLETE', { field: 'memberId', detail: `${missing.length}`, extensions: { memberIds: missing.map((m) => String(m.id)) } });
    }
    if (!cell.grade) throw new DomainError('CLASSIFICATION_INCOMPLETE', { field: 'cellId' });
    await em.execute(
      `update member_classification mc set submitted_at = now(), return_note = null
        from member m where m.id = mc.member_id and m.cell_id = ? and mc.year = ? and mc.grade is not null and mc.approved_at is null`,
      [cellId, input.year],
    );
    await em.execute(`update cell_classification set submitted_at = now(), return_note = null where cell_id = ? and year = ?`, [cellId, input.year]);
  });
  return classificationSheet(ctx, input.cellId, input.year);
}

async function approvedCell(ctx: Context, cellIdArg: string): Promise<number> {
  const cellId = parseId(cellIdArg, 'cellId');
  await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
  if (!canApproveClassification(ctx.scope, await cellTarget(ctx, cellId))) throw forbidden('approval by committee staff over the cell');
  return cellId;
}

/** Locks the submitted sheet (member records and the cell's). Who: committee staff over the cell. */
export async function approveClassification(ctx: Context, input: { cellId: string; year: number }): Promise<ClassificationSheet> {
  checkYear(input.year);
  const cellId = await approvedCell(ctx, input.cellId);
  await inTransaction(ctx, async (em) => {
    const [cell] = await em.execute<RecordColumns[]>(`select * from cell_classification where cell_id = ? and year = ? for update`, [cellId, input.year]);
    if (cell?.approved_at) throw new DomainError('CLASSIFICATION_LOCKED', { field: 'cellId' });
    if (!cell?.submitted_at) throw new DomainError('CLASSIFICATION_NOT_SUBMITTED');
    const actor = `nullif(current_setting('gan_bo.actor', true), '')`;
    await em.execute(
      `update member_classification mc set approved_at = now(), approved_by = ${actor}
        from member m where m.id = mc.member_id and m.cell_id = ? and mc.year = ? and mc.submitted_at is not null and mc.approved_at is null`,
      [cellId, input.year],
    );
    await em.execute(`update cell_classification set approved_at = now(), approved_by = ${actor} where cell_id = ? and year = ?`, [cellId, input.year]);
  });
  return classificationSheet(ctx, input.cellId, input.year);
}

/** Back to a draft with a note. Who: committee staff over the cell; approved sheets stay locked. */
export async function returnClassification(ctx: Context, input: { cellId: string; year: number; note: string }): Promise<ClassificationSheet> {
  checkYear(input.year);
  const note = text(input.note);
  if (!note) throw badInput('note', 'say what the cell should change');
  const cellId = await approvedCell(ctx, input.cellId);
  await inTransaction(ctx, async (em) => {
    const [cell] = await em.execute<RecordColumns[]>(`select * from cell_classification where cell_id = ? and year = ? for update`, [cellId, input.year]);
    if (cell?.approved_at) throw new DomainError('CLASSIFICATION_LOCKED', { field: 'cellId' });
    if (!cell?.submitted_at) throw new DomainError('CLASSIFICATION_NOT_SUBMITTED');
    await em.execute(
      `update member_classification mc set submitted_at = null, return_note = ?
        from member m where m.id = mc.member_id and m.cell_id = ? and mc.year = ? and mc.approved_at is null`,
      [note, cellId, input.year],
    );
    await em.execute(`update cell_classification set submitted_at = null, return_note = ? where cell_id = ? and year = ?`, [note, cellId, input.year]);
  });
  return classificationSheet(ctx, input.cellId, input.year);
}

/** Who: the secretary of the member's residence cell, or committee staff over it. */
export async function rateResidentMember(ctx: Context, input: { memberId: string; year: number; rating: ResidenceRatingValue; comment?: string | null }): Promise<MemberIndicators> {
  checkYear(input.year);
  const memberId = parseId(input.memberId, 'memberId');
  const member = await visibleOrNotFound(ctx.loaders.member.load(memberId), 'memberId');
  const residenceCellId = member.residenceCell?.id;
  if (!residenceCellId) throw badInput('memberId', 'the member has no residence cell');
  if (!canManageCell(ctx.scope, await cellTarget(ctx, residenceCellId))) throw forbidden('rating by the residence cell');
  return inTransaction(ctx, async (em) => {
    await em.execute(
      `insert into residence_rating (member_id, cell_id, year, rating, comment) values (?, ?, ?, ?, ?)
       on conflict (member_id, year) do update set cell_id = excluded.cell_id, rating = excluded.rating, comment = excluded.comment`,
      [memberId, residenceCellId, input.year, input.rating, text(input.comment)],
    );
    return indicators((await memberRows(em, member.cell.id, input.year, memberId))[0]);
  });
}

/** Progress of every cell of a committee subtree. Who: committee staff over it. */
export async function classificationOverview(ctx: Context, committeeIdArg: string, year: number): Promise<CellClassificationStatus[]> {
  checkYear(year);
  const committeeId = parseId(committeeIdArg, 'committeeId');
  const committee = await visibleOrNotFound(ctx.loaders.committee.load(committeeId), 'committeeId');
  if (!canApproveClassification(ctx.scope, { path: committee.path })) throw forbidden('classification overview for committee staff');
  const rows = await ctx.em.execute<(Partial<RecordColumns> & { cell_id: number; members: number; graded: number })[]>(
    `select c.id as cell_id, cc.grade, cc.submitted_at, cc.approved_at,
            (select count(*)::int from member m where m.cell_id = c.id and m.status = 'active') as members,
            (select count(*)::int from member m join member_classification mc on mc.member_id = m.id and mc.year = ?
              where m.cell_id = c.id and m.status = 'active' and mc.grade is not null) as graded
       from cell c join committee k on k.id = c.committee_id
       left join cell_classification cc on cc.cell_id = c.id and cc.year = ?
      where k.path like ?
      order by c.name, c.id`,
    [year, year, `${committee.path}%`],
  );
  return rows.map((row) => ({ cellId: row.cell_id, status: statusOf(row), members: row.members, graded: row.graded, cellGrade: row.grade ?? null }));
}
