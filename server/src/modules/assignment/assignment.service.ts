import type { Context } from '../../graphql/context.js';
import { DomainError, notFound } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { requireManageCell, visibleOrNotFound } from '../../graphql/targets.js';
import { Assignment, AssignmentMode } from './assignment.entity.js';
import { assignmentEvent, notifyInTransaction } from '../../live/events.js';
import type { AssignHouseholdInput, UnassignHouseholdInput } from './assignment.input.js';

/**
 * Assigns a household to a member. Who: the household cell's secretary or committee staff over it.
 * The checks here give precise errors; the database (partial unique index, assignment_check
 * trigger) enforces the same rules under concurrency.
 */
export async function assignHousehold(ctx: Context, input: AssignHouseholdInput): Promise<Assignment> {
  const memberId = parseId(input.memberId, 'memberId');
  const householdId = parseId(input.householdId, 'householdId');
  const household = await visibleOrNotFound(ctx.loaders.household.load(householdId), 'householdId');
  await visibleOrNotFound(ctx.loaders.member.load(memberId), 'memberId');
  await requireManageCell(ctx, household.cell.id);
  const id = await inTransaction(ctx, async (em) => {
    const [member] = await em.execute<{ status: string; lives_in_commune: boolean }[]>(
      'select status, lives_in_commune from member where id = ? for share', [memberId]);
    if (member.status !== 'active') throw new DomainError('MEMBER_EXEMPT');
    const mode = member.lives_in_commune ? AssignmentMode.REGULAR : AssignmentMode.NON_REGULAR;
    const [row] = await em.execute<{ id: number }[]>(
      `insert into assignment (member_id, household_id, mode, started_on)
       values (?, ?, ?, coalesce(?::date, current_date)) returning id`,
      [memberId, householdId, mode, input.startedOn ?? null],
    );
    await notifyInTransaction(em, [await assignmentEvent(em, row.id)]);
    return row.id;
  });
  return (await ctx.loaders.assignment.load(id))!;
}

export async function unassignHousehold(ctx: Context, input: UnassignHouseholdInput): Promise<Assignment> {
  const assignmentId = parseId(input.assignmentId, 'assignmentId');
  const assignment = await visibleOrNotFound(ctx.loaders.assignment.load(assignmentId), 'assignmentId');
  const household = await visibleOrNotFound(ctx.loaders.household.load(assignment.household.id), 'assignmentId');
  await requireManageCell(ctx, household.cell.id);
  await inTransaction(ctx, async (em) => {
    const [current] = await em.execute<{ ended_on: string | null }[]>('select ended_on from assignment where id = ? for update', [assignmentId]);
    if (!current) throw notFound('assignmentId');
    if (current.ended_on) throw new DomainError('ASSIGNMENT_ALREADY_ENDED');
    await em.execute(`update assignment set ended_on = coalesce(?::date, current_date), end_reason = ? where id = ?`,
      [input.endedOn ?? null, input.reason ?? null, assignmentId]);
    await notifyInTransaction(em, [await assignmentEvent(em, assignmentId)]);
  });
  return (await ctx.loaders.assignment.load(assignmentId))!;
}
