import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { Assignment, AssignmentMode } from './assignment.entity.js';
import { AssignmentConnection } from './assignment.types.js';
import { AssignHouseholdInput, UnassignHouseholdInput } from './assignment.input.js';
import { assignHousehold, unassignHousehold } from './assignment.service.js';
import { Member } from '../member/member.entity.js';
import { Household } from '../household/household.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond, type Cond } from '../../graphql/sql.js';
import { cellInSubtree, subtreePrefix } from '../../graphql/subtree.js';
import { addDays, daysBetween, today } from '../../graphql/dates.js';
import { badInput } from '../../graphql/errors.js';
import { PriorityFlag } from '../household/household.entity.js';
import type { Context } from '../../graphql/context.js';
import { AssignmentOrder, SORTS } from '../../graphql/orders.js';
import { alongOr, includesOf } from '../../graphql/prefetch.js';

@ArgsType()
class AssignmentsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Assignments of households in this committee subtree.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assignments of households in this cell.' })
  cellId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assignments of this member.' })
  memberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assignments of this household.' })
  householdId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'true: in force; false: ended; null: both.' })
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only assignments past their due date (quá hạn thăm); false: only those not yet due.' })
  overdue?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Only assignments at least this many days past their due date.' })
  minDaysOverdue?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only priority households (any priority flag, poor or near-poor); false: only the others.' })
  priority?: boolean | null;

  @Field(() => [PriorityFlag], { nullable: true, description: 'Only households with at least one of these priority flags.' })
  priorityFlags?: PriorityFlag[] | null;

  @Field(() => AssignmentOrder, { defaultValue: AssignmentOrder.ID, description: 'Order.' })
  orderBy!: AssignmentOrder;
}

@Resolver(() => Assignment)
export class AssignmentResolver {
  @Query(() => Assignment, { nullable: true, description: 'One assignment by id; NOT_FOUND when it does not exist or is outside your scope.' })
  assignment(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Assignment | null> {
    return visibleOrNotFound(ctx.loaders.assignment.load(parseId(id, 'id')), 'id');
  }

  @Query(() => AssignmentConnection, { description: 'Assignments, filtered by unit, member, household and state.' })
  async assignments(@Ctx() ctx: Context, @Args() args: AssignmentsArgs, @Info() info: GraphQLResolveInfo): Promise<AssignmentConnection> {
    const conds: Cond[] = [];
    const within = args.committeeId ? await subtreePrefix(ctx, args.committeeId) : undefined;
    if (within) {
      conds.push(cellInSubtree(within, 't.cell_id'));
    }
    if (args.cellId) conds.push(cond('t.cell_id = ?', parseId(args.cellId, 'cellId')));
    if (args.memberId) conds.push(cond('t.member_id = ?', parseId(args.memberId, 'memberId')));
    if (args.householdId) conds.push(cond('t.household_id = ?', parseId(args.householdId, 'householdId')));
    if (args.active != null) conds.push(cond(args.active ? 't.ended_on is null' : 't.ended_on is not null'));
    // Due dates only mean something for assignments in force.
    if (args.overdue != null) conds.push(cond(args.overdue ? 't.ended_on is null and t.due_on < ?::date' : 't.ended_on is null and t.due_on >= ?::date', today()));
    if (args.minDaysOverdue != null) {
      if (args.minDaysOverdue < 0) throw badInput('minDaysOverdue', 'must be 0 or more');
      conds.push(cond('t.ended_on is null and t.due_on <= ?::date', addDays(today(), -args.minDaysOverdue)));
    }
    if (args.priority != null) {
      conds.push(cond(`${args.priority ? '' : 'not '}exists (select 1 from household ph where ph.id = t.household_id
        and (ph.priority_flags <> '{}' or ph.poverty_status <> 'none'))`));
    }
    if (args.priorityFlags?.length) {
      conds.push(cond('exists (select 1 from household ph where ph.id = t.household_id and ph.priority_flags && ?::text[])', `{${args.priorityFlags.join(',')}}`));
    }
    return findPage(ctx, Assignment, 'assignment', conds, args, SORTS[args.orderBy], { include: includesOf(info, 'Assignment', true), within });
  }

  @Mutation(() => Assignment, { description: 'Make a member responsible for a household. Errors: HOUSEHOLD_ALREADY_ASSIGNED, MEMBER_EXEMPT, ASSIGNMENT_MODE_MISMATCH, HOUSEHOLD_OUTSIDE_MEMBER_COMMUNE, NOT_FOUND, FORBIDDEN.' })
  assignHousehold(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: AssignHouseholdInput): Promise<Assignment> {
    return assignHousehold(ctx, input);
  }

  @Mutation(() => Assignment, { description: 'End an assignment; the household becomes free. Errors: ASSIGNMENT_ALREADY_ENDED, NOT_FOUND.' })
  unassignHousehold(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: UnassignHouseholdInput): Promise<Assignment> {
    return unassignHousehold(ctx, input);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The responsible member; null when outside your scope.' })
  member(@Root() assignment: Assignment, @Ctx() ctx: Context): Member | null | Promise<Member | null> {
    return alongOr(assignment, 'member', () => ctx.loaders.member.load(assignment.member.id));
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household; null when outside your scope.' })
  household(@Root() assignment: Assignment, @Ctx() ctx: Context): Household | null | Promise<Household | null> {
    return alongOr(assignment, 'household', () => ctx.loaders.household.load(assignment.household.id));
  }

  @FieldResolver(() => Visit, { nullable: true, description: 'The latest visit under this assignment.' })
  lastVisit(@Root() assignment: Assignment, @Ctx() ctx: Context): Visit | null | Promise<Visit | null> {
    return alongOr(assignment, 'assignmentLastVisit', () => ctx.loaders.assignmentLastVisit.load(assignment.id));
  }

  @FieldResolver(() => LocalDateResolver, { nullable: true, description: 'Date by which the next visit is due: last visit (or start) plus the interval; null once ended.' })
  dueOn(@Root() assignment: Assignment): string | null {
    return assignment.endedOn ? null : assignment.scheduledOn;
  }

  @FieldResolver(() => Int, { description: 'Days past the due date (quá hạn thăm); 0 when on time or ended.' })
  daysOverdue(@Root() assignment: Assignment): number {
    const due = this.dueOn(assignment);
    return due ? Math.max(0, daysBetween(due, today())) : 0;
  }
}
