import type { Context } from '../../graphql/context.js';
import { DomainError, badInput, notFound } from '../../graphql/errors.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { intArray, mapRow } from '../../graphql/sql.js';
import { insertFeedback } from '../feedback/feedback.service.js';
import { Visit, VisitKind } from './visit.entity.js';
import type { RecordVisitInput } from './visit.input.js';

/** Records a visit with its participants and the feedback heard, all or nothing. */
export async function recordVisit(ctx: Context, input: RecordVisitInput): Promise<Visit> {
  const householdId = parseOptionalId(input.householdId, 'householdId');
  const requestedCellId = parseOptionalId(input.cellId, 'cellId');
  const recordedBy = parseOptionalId(input.recordedByMemberId, 'recordedByMemberId');
  const participants = new Set((input.participantIds ?? []).map((id, i) => parseId(id, `participantIds.${i}`)));
  if (recordedBy) participants.add(recordedBy);
  if (input.kind === VisitKind.HOME_VISIT && !householdId) throw new DomainError('VISIT_NEEDS_HOUSEHOLD');

  return inTransaction(ctx, async (em) => {
    let cellId = requestedCellId;
    if (householdId) {
      const [household] = await em.execute<{ cell_id: number }[]>('select cell_id from household where id = ?', [householdId]);
      if (!household) throw notFound('householdId');
      if (cellId && cellId !== household.cell_id) throw badInput('cellId', 'the household is in another cell');
      cellId = household.cell_id;
    }
    if (!cellId) throw new DomainError('VISIT_NEEDS_CELL');
    const [row] = await em.execute<{ id: number; cell_id: number; household_id: number | null; visited_on: string }[]>(
      `insert into visit (kind, cell_id, household_id, recorded_by_member_id, visited_on, topics, notes, hot_spot, guest_participants)
       values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?) returning *`,
      [input.kind, cellId, householdId ?? null, recordedBy ?? null, input.visitedOn, `{${[...new Set(input.topics)].join(',')}}`,
        input.notes?.trim() || null, input.hotSpot, input.guestParticipants?.trim() || null],
    );
    if (participants.size > 0) {
      const inserted = await em.execute<{ member_id: number }[]>(
        `insert into visit_participant (visit_id, member_id)
         select ?, m.id from member m where m.id = any(?::int[]) returning member_id`,
        [row.id, intArray([...participants])],
      );
      if (inserted.length !== participants.size) {
        const missing = [...participants].find((id) => !inserted.some((r) => r.member_id === id));
        throw notFound(missing === recordedBy ? 'recordedByMemberId' : 'participantIds', String(missing));
      }
    }
    for (const draft of input.feedback ?? []) await insertFeedback(em, row, draft);
    return mapRow(em, Visit, row);
  });
}
