import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Household, HouseholdGroup, HouseholdPoverty, PovertyStatus, PriorityFlag } from './household.entity.js';
import { HouseholdConnection } from './household.types.js';
import { Cell } from '../cell/cell.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { VisitConnection } from '../visit/visit.types.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { pageWindow, toPage } from '../../graphql/connection.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond, type Cond } from '../../graphql/sql.js';
import { cellInSubtree, subtreePrefix } from '../../graphql/subtree.js';
import type { Context } from '../../graphql/context.js';
import { HouseholdOrder, PRIORITY_SQL, SORTS } from '../../graphql/orders.js';
import { alongOr, includesOf } from '../../graphql/prefetch.js';

@ArgsType()
class HouseholdsArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Households of cells in this committee subtree.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Households of this cell.' })
  cellId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only households with a responsible member; false: only those without.' })
  assigned?: boolean | null;

  @Field(() => [PriorityFlag], { nullable: true, description: 'Only households with any of these priority flags.' })
  priorityFlags?: PriorityFlag[] | null;

  @Field(() => PovertyStatus, { nullable: true, description: 'Only households with this current poverty status.' })
  povertyStatus?: PovertyStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only priority households (any priority flag, poor or near-poor); false: only the others.' })
  priority?: boolean | null;

  @Field(() => HouseholdOrder, { defaultValue: HouseholdOrder.ID, description: 'Order.' })
  orderBy!: HouseholdOrder;
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { nullable: true, description: 'One household by id; NOT_FOUND when it does not exist or is outside your scope.' })
  household(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Household | null> {
    return visibleOrNotFound(ctx.loaders.household.load(parseId(id, 'id')), 'id');
  }

  @Query(() => HouseholdConnection, { description: 'Households, filtered by unit, assignment and priority.' })
  async households(@Ctx() ctx: Context, @Args() args: HouseholdsArgs, @Info() info: GraphQLResolveInfo): Promise<HouseholdConnection> {
    const conds: Cond[] = [];
    const within = args.committeeId ? await subtreePrefix(ctx, args.committeeId) : undefined;
    if (within) conds.push(cellInSubtree(within));
    if (args.cellId) conds.push(cond('t.cell_id = ?', parseId(args.cellId, 'cellId')));
    if (args.assigned != null) {
      conds.push(cond(`${args.assigned ? '' : 'not '}exists (select 1 from assignment a where a.household_id = t.id and a.ended_on is null)`));
    }
    if (args.priorityFlags?.length) conds.push(cond('t.priority_flags && ?::text[]', `{${args.priorityFlags.join(',')}}`));
    if (args.priority != null) conds.push(cond(`${args.priority ? '' : 'not '}(${PRIORITY_SQL})`));
    if (args.povertyStatus) conds.push(cond('t.poverty_status = ?', args.povertyStatus));
    return findPage(ctx, Household, 'household', conds, args, SORTS[args.orderBy], { include: includesOf(info, 'Household', true), within });
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell whose area the household is in; null when outside your scope.' })
  cell(@Root() household: Household, @Ctx() ctx: Context): Cell | null | Promise<Cell | null> {
    return alongOr(household, 'cell', () => ctx.loaders.cell.load(household.cell.id));
  }

  @FieldResolver(() => HouseholdGroup, { nullable: true, description: 'Household group (nhóm hộ), if any.' })
  group(@Root() household: Household, @Ctx() ctx: Context): Promise<HouseholdGroup | null> | null {
    return household.group ? ctx.loaders.householdGroup.load(household.group.id) : null;
  }

  @FieldResolver(() => Assignment, { nullable: true, description: 'The assignment in force: who is responsible now.' })
  activeAssignment(@Root() household: Household, @Ctx() ctx: Context): Assignment | null | Promise<Assignment | null> {
    return alongOr(household, 'householdAssignments', () => ctx.loaders.householdAssignments.load(household.id),
      (all) => all.find((a) => a.endedOn == null) ?? null);
  }

  @FieldResolver(() => [Assignment], { description: 'Every assignment of the household, newest first.' })
  assignments(@Root() household: Household, @Ctx() ctx: Context): Assignment[] | Promise<Assignment[]> {
    return alongOr(household, 'householdAssignments', () => ctx.loaders.householdAssignments.load(household.id));
  }

  @FieldResolver(() => [HouseholdPoverty], { description: 'Poverty status over time, oldest first.' })
  povertyHistory(@Root() household: Household, @Ctx() ctx: Context): Promise<HouseholdPoverty[]> {
    return ctx.loaders.householdPoverty.load(household.id);
  }

  @FieldResolver(() => Visit, { nullable: true, description: 'The latest visit to the household.' })
  lastVisit(@Root() household: Household, @Ctx() ctx: Context): Visit | null | Promise<Visit | null> {
    return alongOr(household, 'householdLastVisit', () => ctx.loaders.householdLastVisit.load(household.id));
  }

  @FieldResolver(() => VisitConnection, { description: 'Visits to the household, oldest first.' })
  async visits(@Root() household: Household, @Ctx() ctx: Context, @Args() args: PageArgsInput): Promise<VisitConnection> {
    const window = pageWindow(args);
    const rows = await ctx.loaders.householdVisits.load({ parentId: household.id, window });
    return toPage(rows, window, () => ctx.loaders.householdVisitCount.load({ parentId: household.id }));
  }
}
