import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Feedback, FeedbackEvent, FeedbackLevel, FeedbackStatus } from './feedback.entity.js';
import { FeedbackConnection } from './feedback.types.js';
import { AnswerFeedbackInput, CloseFeedbackInput, EscalateFeedbackInput, RaiseFeedbackInput } from './feedback.input.js';
import { answerFeedback, closeFeedback, escalateFeedback, raiseFeedback } from './feedback.service.js';
import { Topic } from '../visit/topic.js';
import { Visit } from '../visit/visit.entity.js';
import { Cell } from '../cell/cell.entity.js';
import { Household } from '../household/household.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond, type Cond } from '../../graphql/sql.js';
import { cellInSubtree, subtreePrefix } from '../../graphql/subtree.js';
import type { Context } from '../../graphql/context.js';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { FeedbackOrder, SORTS } from '../../graphql/orders.js';
import { daysBetween, today } from '../../graphql/dates.js';

/** Statuses that still wait for an answer at their level. */
const OPEN = `('raised','escalated')`;

@ArgsType()
class FeedbackItemsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Feedback from cells of this committee subtree.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Feedback from this cell.' })
  cellId?: string | null;

  @Field(() => [FeedbackStatus], { nullable: true, description: 'Only feedback in one of these statuses.' })
  statuses?: FeedbackStatus[] | null;

  @Field(() => FeedbackLevel, { nullable: true, description: 'Only feedback at this level.' })
  level?: FeedbackLevel | null;

  @Field(() => Topic, { nullable: true, description: 'Only feedback on this topic.' })
  topic?: Topic | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Raised on or after this date.' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Raised on or before this date.' })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open feedback past its answer deadline (quá hạn trả lời); false: only open feedback within it.' })
  overdue?: boolean | null;

  @Field(() => FeedbackOrder, { defaultValue: FeedbackOrder.NEWEST, description: 'Order.' })
  orderBy!: FeedbackOrder;
}

@Resolver(() => Feedback)
export class FeedbackResolver {
  @Query(() => Feedback, { nullable: true, description: 'One feedback by id; NOT_FOUND when it does not exist or is outside your scope.' })
  feedback(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Feedback | null> {
    return visibleOrNotFound(ctx.loaders.feedback.load(parseId(id, 'id')), 'id');
  }

  @Query(() => FeedbackConnection, { description: 'Feedback, newest first, filtered by unit, status, level and topic.' })
  async feedbackItems(@Ctx() ctx: Context, @Args() args: FeedbackItemsArgs): Promise<FeedbackConnection> {
    const conds: Cond[] = [];
    const within = args.committeeId ? await subtreePrefix(ctx, args.committeeId) : undefined;
    if (within) conds.push(cellInSubtree(within));
    if (args.cellId) conds.push(cond('t.cell_id = ?', parseId(args.cellId, 'cellId')));
    if (args.statuses?.length) conds.push(cond('t.status = any(?::text[])', `{${args.statuses.join(',')}}`));
    if (args.level) conds.push(cond('t.level = ?', args.level));
    if (args.topic) conds.push(cond('t.topic = ?', args.topic));
    if (args.from) conds.push(cond('t.raised_on >= ?::date', args.from));
    if (args.to) conds.push(cond('t.raised_on <= ?::date', args.to));
    if (args.overdue != null) conds.push(cond(`t.status in ${OPEN} and t.answer_due_on ${args.overdue ? '<' : '>='} ?::date`, today()));
    return findPage(ctx, Feedback, 'feedback', conds, args, SORTS[args.orderBy], { within });
  }

  @Mutation(() => Feedback, { description: 'Raise feedback on a visit; with an answer it is answered on the spot.' })
  raiseFeedback(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: RaiseFeedbackInput): Promise<Feedback> {
    return raiseFeedback(ctx, input);
  }

  @Mutation(() => Feedback, { description: 'Pass a feedback up one level. Errors: FEEDBACK_ALREADY_AT_TOP_LEVEL, FEEDBACK_INVALID_TRANSITION.' })
  escalateFeedback(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: EscalateFeedbackInput): Promise<Feedback> {
    return escalateFeedback(ctx, input);
  }

  @Mutation(() => Feedback, { description: 'Answer a feedback in writing. Errors: FEEDBACK_INVALID_TRANSITION.' })
  answerFeedback(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: AnswerFeedbackInput): Promise<Feedback> {
    return answerFeedback(ctx, input);
  }

  @Mutation(() => Feedback, { description: 'Close an answered feedback. Errors: FEEDBACK_INVALID_TRANSITION.' })
  closeFeedback(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: CloseFeedbackInput): Promise<Feedback> {
    return closeFeedback(ctx, input);
  }

  @FieldResolver(() => Visit, { nullable: true, description: 'Visit on which it was raised; null when outside your scope.' })
  visit(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<Visit | null> {
    return ctx.loaders.visit.load(feedback.visit.id);
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell where it was raised; null when outside your scope.' })
  cell(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<Cell | null> {
    return ctx.loaders.cell.load(feedback.cell.id);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'Household that raised it.' })
  household(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<Household | null> | null {
    return feedback.household ? ctx.loaders.household.load(feedback.household.id) : null;
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'Date by which the current level must answer (hạn trả lời): 30 days at the cell (its next monthly meeting), 15 at the commune (in writing), 30 at the district, counted from the day it reached the level; null once answered or closed.',
  })
  answerDueOn(@Root() feedback: Feedback): string | null {
    return feedback.status === FeedbackStatus.RAISED || feedback.status === FeedbackStatus.ESCALATED ? feedback.answerDueOnColumn : null;
  }

  @FieldResolver(() => Int, { description: 'Days past the answer deadline; 0 when within it, answered or closed.' })
  daysOverdue(@Root() feedback: Feedback): number {
    const due = this.answerDueOn(feedback);
    return due ? Math.max(0, daysBetween(due, today())) : 0;
  }

  @FieldResolver(() => [FeedbackEvent], { description: 'Every step of its life, oldest first.' })
  events(@Root() feedback: Feedback, @Ctx() ctx: Context): Promise<FeedbackEvent[]> {
    return ctx.loaders.feedbackEvents.load(feedback.id);
  }
}
