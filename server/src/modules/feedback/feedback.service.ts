import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../graphql/errors.js';
import { parseId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { requireFeedbackLevel, visibleOrNotFound } from '../../graphql/targets.js';
import { forbidden } from '../../auth/schema-policy.js';
import { canRecordFor } from '../visit/visit.service.js';
import { feedbackEvent, notifyInTransaction } from '../../live/events.js';
import { Feedback, FeedbackStatus } from './feedback.entity.js';
import type { Topic } from '../visit/topic.js';

interface Draft {
  topic: Topic;
  content: string;
  answer?: string | null;
}

/** Inserts feedback raised on a visit; with an answer it is then answered on the spot (two dated steps). */
export async function insertFeedback(em: EntityManager, visit: { id: number; cell_id: number; household_id: number | null; visited_on: string }, draft: Draft): Promise<number> {
  const [raised] = await em.execute<{ id: number }[]>(
    `insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on)
     values (?, ?, ?, ?, ?, ?) returning id`,
    [visit.id, visit.cell_id, visit.household_id, draft.topic, draft.content.trim(), visit.visited_on],
  );
  if (draft.answer) {
    await em.execute(`update feedback set status = ?, answer = ? where id = ?`, [FeedbackStatus.ANSWERED_ON_THE_SPOT, draft.answer.trim(), raised.id]);
  }
  return raised.id;
}

/** Who: whoever may record a visit for that household or cell (see canRecordFor). */
export async function raiseFeedback(ctx: Context, input: Draft & { visitId: string }): Promise<Feedback> {
  const visitId = parseId(input.visitId, 'visitId');
  const visit = await visibleOrNotFound(ctx.loaders.visit.load(visitId), 'visitId');
  if (!(await canRecordFor(ctx, visit.cell.id, visit.household?.id ?? null))) throw forbidden('raiseFeedback');
  const id = await inTransaction(ctx, async (em) => {
    const [row] = await em.execute<{ id: number; cell_id: number; household_id: number | null; visited_on: string }[]>(
      'select id, cell_id, household_id, visited_on from visit where id = ?', [visitId]);
    const feedbackId = await insertFeedback(em, row, input);
    await notifyInTransaction(em, [await feedbackEvent(em, feedbackId)]);
    return feedbackId;
  });
  return (await ctx.loaders.feedback.load(id))!;
}

/**
 * Moves a feedback along its life, acting at its current level (policy.canActOnFeedback). The
 * feedback_check_transition trigger decides what is allowed (FEEDBACK_INVALID_TRANSITION,
 * FEEDBACK_ALREADY_AT_TOP_LEVEL) and the feedback_log_event trigger dates the step with its actor.
 */
async function transition(ctx: Context, feedbackId: string, set: string, params: unknown[], note?: string | null): Promise<Feedback> {
  const id = parseId(feedbackId, 'feedbackId');
  const feedback = await visibleOrNotFound(ctx.loaders.feedback.load(id), 'feedbackId');
  await requireFeedbackLevel(ctx, feedback.level, feedback.cell.id);
  await inTransaction(ctx, async (em) => {
    const rows = await em.execute(`update feedback set ${set} where id = ? returning id`, [...params, id]);
    if (rows.length === 0) throw notFound('feedbackId');
    await notifyInTransaction(em, [await feedbackEvent(em, id)]);
  }, note);
  return (await ctx.loaders.feedback.load(id))!;
}
export const escalateFeedback = (ctx: Context, input: { feedbackId: string; note?: string | null }) =>
  transition(ctx, input.feedbackId,
    `status = 'escalated', level = case level when 'cell' then 'commune' when 'commune' then 'district' else level end`, [], input.note);

export const answerFeedback = (ctx: Context, input: { feedbackId: string; answer: string; note?: string | null }) =>
  transition(ctx, input.feedbackId, `status = 'answered_in_writing', answer = ?`, [input.answer.trim()], input.note);

export const closeFeedback = (ctx: Context, input: { feedbackId: string; note?: string | null }) =>
  transition(ctx, input.feedbackId, `status = 'closed'`, [], input.note);
