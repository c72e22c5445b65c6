import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { Visit, VisitKind } from './visit.entity.js';
import { VisitConnection } from './visit.types.js';
import { RecordVisitInput } from './visit.input.js';
import { recordVisit } from './visit.service.js';
import { Topic } from './topic.js';
import { Cell } from '../cell/cell.entity.js';
import { Household } from '../household/household.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Member } from '../member/member.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond, type Cond } from '../../graphql/sql.js';
import { cellInSubtree, subtreePrefix } from '../../graphql/subtree.js';
import type { Context } from '../../graphql/context.js';
import { SORTS, VisitOrder } from '../../graphql/orders.js';
import { alongOr, includesOf } from '../../graphql/prefetch.js';

@ArgsType()
class VisitsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Visits in cells of this committee subtree.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Visits in this cell.' })
  cellId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Visits to this household.' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Visits this member took part in.' })
  memberId?: string | null;

  @Field(() => VisitKind, { nullable: true, description: 'Only visits of this kind.' })
  kind?: VisitKind | null;

  @Field(() => Topic, { nullable: true, description: 'Only visits where this topic was discussed.' })
  topic?: Topic | null;

  @Field(() => Boolean, { nullable: true, description: 'Only hot spots (or only others).' })
  hotSpot?: boolean | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Visits on or after this date.' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Visits on or before this date.' })
  to?: string | null;

  @Field(() => VisitOrder, { defaultValue: VisitOrder.NEWEST_RECORDED, description: 'Order.' })
  orderBy!: VisitOrder;
}

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => Visit, { nullable: true, description: 'One visit by id; NOT_FOUND when it does not exist or is outside your scope.' })
  visit(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Visit | null> {
    return visibleOrNotFound(ctx.loaders.visit.load(parseId(id, 'id')), 'id');
  }

  @Query(() => VisitConnection, { description: 'Visits, newest recorded first, filtered by unit, household, member, kind, topic and dates.' })
  async visits(@Ctx() ctx: Context, @Args() args: VisitsArgs, @Info() info: GraphQLResolveInfo): Promise<VisitConnection> {
    const conds: Cond[] = [];
    const within = args.committeeId ? await subtreePrefix(ctx, args.committeeId) : undefined;
    if (within) conds.push(cellInSubtree(within));
    if (args.cellId) conds.push(cond('t.cell_id = ?', parseId(args.cellId, 'cellId')));
    if (args.householdId) conds.push(cond('t.household_id = ?', parseId(args.householdId, 'householdId')));
    if (args.memberId) conds.push(cond('t.id in (select visit_id from visit_participant where member_id = ?)', parseId(args.memberId, 'memberId')));
    if (args.kind) conds.push(cond('t.kind = ?', args.kind));
    if (args.topic) conds.push(cond('? = any(t.topics)', args.topic));
    if (args.hotSpot != null) conds.push(cond('t.hot_spot = ?', args.hotSpot));
    if (args.from) conds.push(cond('t.visited_on >= ?::date', args.from));
    if (args.to) conds.push(cond('t.visited_on <= ?::date', args.to));
    return findPage(ctx, Visit, 'visit', conds, args, SORTS[args.orderBy], { include: includesOf(info, 'Visit', true), within });
  }

  @Mutation(() => Visit, { description: 'Record a visit with its participants and the feedback heard. Errors: VISIT_NEEDS_HOUSEHOLD, VISIT_NEEDS_CELL, VISIT_IN_FUTURE, NOT_FOUND, BAD_USER_INPUT, FORBIDDEN (not your household or cell). With clientRef, a retry returns the visit already recorded.' })
  recordVisit(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: RecordVisitInput): Promise<Visit> {
    return recordVisit(ctx, input);
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell of the visit; null when outside your scope.' })
  cell(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Cell | null> {
    return ctx.loaders.cell.load(visit.cell.id);
  }

  @FieldResolver(() => Household, { nullable: true, description: 'Household visited, for a home visit.' })
  household(@Root() visit: Visit, @Ctx() ctx: Context): Household | null | Promise<Household | null> {
    const id = visit.household?.id;
    return id == null ? null : alongOr(visit, 'household', () => ctx.loaders.household.load(id));
  }

  @FieldResolver(() => Assignment, { nullable: true, description: 'Assignment under which the household was visited.' })
  assignment(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Assignment | null> | null {
    return visit.assignment ? ctx.loaders.assignment.load(visit.assignment.id) : null;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'Member who recorded the visit.' })
  recordedBy(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Member | null> | null {
    return visit.recordedBy ? ctx.loaders.member.load(visit.recordedBy.id) : null;
  }

  @FieldResolver(() => [Member], { description: 'Members who took part.' })
  participants(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Member[]> {
    return ctx.loaders.visitParticipants.load(visit.id);
  }

  @FieldResolver(() => [Feedback], { description: 'Feedback raised on this visit.' })
  feedback(@Root() visit: Visit, @Ctx() ctx: Context): Promise<Feedback[]> {
    return ctx.loaders.visitFeedback.load(visit.id);
  }
}
