import { mapRow } from '../../graphql/sql.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { Feedback, FeedbackStatus } from './feedback.entity.js';
import type { Topic } from '../visit/topic.js';

interface Draft {
  topic: Topic;
  content: string;
  answer?: string | null;
}

/** Inserts feedback raised on a visit; with an answer it is then answered on the spot (two dated steps). */
export async function insertFeedback(em: EntityManager, visit: { id: number; cell_id: number; household_id: number | null; visited_on: string }, draft: Draft): Promise<Feedback> {
  const [raised] = await em.execute<{ id: number }[]>(
    `insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on)
     values (?, ?, ?, ?, ?, ?) returning id`,
    [visit.id, visit.cell_id, visit.household_id, draft.topic, draft.content.trim(), visit.visited_on],
  );
  if (draft.answer) {
    await em.execute(`update feedback set status = ?, answer = ? where id = ?`, [FeedbackStatus.ANSWERED_ON_THE_SPOT, draft.answer.trim(), raised.id]);
  }
  const [row] = await em.execute('select * from feedback where id = ?', [raised.id]);
  return mapRow(em, Feedback, row);
}

export async function raiseFeedback(ctx: Context, input: Draft & { visitId: string }): Promise<Feedback> {
  const visitId = parseId(input.visitId, 'visitId');
  return inTransaction(ctx, async (em) => {
    const [visit] = await em.execute<{ id: number; cell_id: number; household_id: number | null; visited_on: string }[]>(
      'select id, cell_id, household_id, visited_on from visit where id = ?', [visitId]);
    if (!visit) throw notFound('visitId');
    return insertFeedback(em, visit, input);
  });
}

/**
 * Moves a feedback along its life. The feedback_check_transition trigger decides what is
 * allowed (FEEDBACK_INVALID_TRANSITION, FEEDBACK_ALREADY_AT_TOP_LEVEL) and the feedback_log_event
 * trigger dates the step with its actor.
 */
async function transition(ctx: Context, feedbackId: string, set: string, params: unknown[], note?: string | null): Promise<Feedback> {
  const id = parseId(feedbackId, 'feedbackId');
  return inTransaction(ctx, async (em) => {
    const rows = await em.execute(`update feedback set ${set} where id = ? returning *`, [...params, id]);
    if (rows.length === 0) throw notFound('feedbackId');
    return mapRow(em, Feedback, rows[0]);
  }, note);
}

export const escalateFeedback = (ctx: Context, input: { feedbackId: string; note?: string | null }) =>
  transition(ctx, input.feedbackId,
    `status = 'escalated', level = case level when 'cell' then 'commune' when 'commune' then 'district' else level end`, [], input.note);

export const answerFeedback = (ctx: Context, input: { feedbackId: string; answer: string; note?: string | null }) =>
  transition(ctx, input.feedbackId, `status = 'answered_in_writing', answer = ?`, [input.answer.trim()], input.note);

export const closeFeedback = (ctx: Context, input: { feedbackId: string; note?: string | null }) =>
  transition(ctx, input.feedbackId, `status = 'closed'`, [], input.note);
