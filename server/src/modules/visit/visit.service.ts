import type { Context } from '../../graphql/context.js';
import { DomainError, badInput, notFound } from '../../graphql/errors.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { intArray } from '../../graphql/sql.js';
import { cellTarget, visibleOrNotFound } from '../../graphql/targets.js';
import { canManageCell } from '../../auth/policy.js';
import { forbidden } from '../../auth/schema-policy.js';
import { insertFeedback } from '../feedback/feedback.service.js';
import { notifyInTransaction, visitEvents } from '../../live/events.js';
import { Visit, VisitKind } from './visit.entity.js';
import type { RecordVisitInput } from './visit.input.js';

/**
 * Who may record a visit: the cell's secretary and committee staff over it, or a member for a
 * household they are responsible for (home visit) or for their own cell (other kinds).
 */
export async function canRecordFor(ctx: Context, cellId: number, householdId: number | null): Promise<boolean> {
  if (canManageCell(ctx.scope, await cellTarget(ctx, cellId))) return true;
  const memberId = ctx.scope.memberId;
  if (!memberId) return false;
  if (householdId) {
    const held = await ctx.em.execute('select 1 from assignment where household_id = ? and member_id = ? and ended_on is null', [householdId, memberId]);
    return held.length > 0;
  }
  return ctx.scope.memberCells.includes(cellId);
}

/** Records a visit with its participants and the feedback heard, all or nothing; once per `clientRef`. */
export async function recordVisit(ctx: Context, input: RecordVisitInput): Promise<Visit> {
  if (input.clientRef) {
    const [done] = await ctx.em.execute<{ id: number }[]>('select id from visit where client_ref = ?', [input.clientRef]);
    if (done) return visibleOrNotFound(ctx.loaders.visit.load(done.id), 'clientRef');
  }
  const householdId = parseOptionalId(input.householdId, 'householdId');
  const requestedCellId = parseOptionalId(input.cellId, 'cellId');
  const recordedBy = parseOptionalId(input.recordedByMemberId, 'recordedByMemberId') ?? ctx.scope.memberId ?? undefined;
  const participants = new Set((input.participantIds ?? []).map((id, i) => parseId(id, `participantIds.${i}`)));
  if (input.kind === VisitKind.HOME_VISIT && !householdId) throw new DomainError('VISIT_NEEDS_HOUSEHOLD');

  let cellId = requestedCellId;
  if (householdId) {
    const household = await visibleOrNotFound(ctx.loaders.household.load(householdId), 'householdId');
    if (cellId && cellId !== household.cell.id) throw badInput('cellId', 'the household is in another cell');
    cellId = household.cell.id;
  }
  if (!cellId) throw new DomainError('VISIT_NEEDS_CELL');
  await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
  if (!(await canRecordFor(ctx, cellId, householdId ?? null))) throw forbidden('recordVisit');
  const manager = canManageCell(ctx.scope, await cellTarget(ctx, cellId));
  if (recordedBy && recordedBy !== ctx.scope.memberId && !manager) throw forbidden('recording for another member');
  for (const [i, id] of [...participants, ...(recordedBy ? [recordedBy] : [])].entries()) {
    if (!(await ctx.loaders.member.load(id))) throw notFound(id === recordedBy ? 'recordedByMemberId' : 'participantIds', `${i}`);
  }
  if (recordedBy) participants.add(recordedBy);

  const id = await inTransaction(ctx, async (em) => {
    const [row] = await em.execute<{ id: number; cell_id: number; household_id: number | null; visited_on: string }[]>(
      `insert into visit (kind, cell_id, household_id, recorded_by_member_id, visited_on, topics, notes, hot_spot, guest_participants, client_ref)
       values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?) on conflict (client_ref) where client_ref is not null do nothing
       returning id, cell_id, household_id, visited_on`,
      [input.kind, cellId, householdId ?? null, recordedBy ?? null, input.visitedOn, `{${[...new Set(input.topics)].join(',')}}`,
        input.notes?.trim() || null, input.hotSpot, input.guestParticipants?.trim() || null, input.clientRef ?? null],
    );
    // A concurrent retry with the same clientRef committed first: that visit is the answer.
    if (!row) return (await em.execute<{ id: number }[]>('select id from visit where client_ref = ?', [input.clientRef]))[0].id;
    if (participants.size > 0) {
      await em.execute('insert into visit_participant (visit_id, member_id) select ?, unnest(?::int[])', [row.id, intArray([...participants])]);
    }
    for (const draft of input.feedback ?? []) await insertFeedback(em, row, draft);
    await notifyInTransaction(em, await visitEvents(em, row.id));
    return row.id;
  });
  return (await ctx.loaders.visit.load(id))!;
}
