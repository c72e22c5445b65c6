import { mapRow } from '../../graphql/sql.js';
import type { Context } from '../../graphql/context.js';
import { DomainError, notFound } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { Assignment, AssignmentMode } from './assignment.entity.js';
import type { AssignHouseholdInput, UnassignHouseholdInput } from './assignment.input.js';

/**
 * Assigns a household to a member. The checks here give precise errors; the database
 * (partial unique index, assignment_check trigger) enforces the same rules under concurrency.
 */
export async function assignHousehold(ctx: Context, input: AssignHouseholdInput): Promise<Assignment> {
  const memberId = parseId(input.memberId, 'memberId');
  const householdId = parseId(input.householdId, 'householdId');
  return inTransaction(ctx, async (em) => {
    const [member] = await em.execute<{ status: string; lives_in_commune: boolean }[]>(
      'select status, lives_in_commune from member where id = ? for share', [memberId]);
    if (!member) throw notFound('memberId');
    if (member.status !== 'active') throw new DomainError('MEMBER_EXEMPT');
    const [household] = await em.execute('select id from household where id = ?', [householdId]);
    if (!household) throw notFound('householdId');
    const mode = member.lives_in_commune ? AssignmentMode.REGULAR : AssignmentMode.NON_REGULAR;
    const [row] = await em.execute(
      `insert into assignment (member_id, household_id, mode, started_on)
       values (?, ?, ?, coalesce(?::date, current_date)) returning *`,
      [memberId, householdId, mode, input.startedOn ?? null],
    );
    return mapRow(em, Assignment, row);
  });
}

export async function unassignHousehold(ctx: Context, input: UnassignHouseholdInput): Promise<Assignment> {
  const assignmentId = parseId(input.assignmentId, 'assignmentId');
  return inTransaction(ctx, async (em) => {
    const [current] = await em.execute<{ ended_on: string | null; started_on: string }[]>(
      'select ended_on, started_on from assignment where id = ? for update', [assignmentId]);
    if (!current) throw notFound('assignmentId');
    if (current.ended_on) throw new DomainError('ASSIGNMENT_ALREADY_ENDED');
    const [row] = await em.execute(
      `update assignment set ended_on = coalesce(?::date, current_date), end_reason = ? where id = ? returning *`,
      [input.endedOn ?? null, input.reason ?? null, assignmentId],
    );
    return mapRow(em, Assignment, row);
  });
}
