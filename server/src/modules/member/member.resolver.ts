import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ExemptReason, Member, MemberStatus } from './member.entity.js';
import { setMemberStatus } from './member.service.js';
import { MemberConnection } from './member.types.js';
import { Cell } from '../cell/cell.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond, type Cond } from '../../graphql/sql.js';
import { cellInSubtree, subtreePrefix } from '../../graphql/subtree.js';
import type { Context } from '../../graphql/context.js';
import { MemberOrder, SORTS } from '../../graphql/orders.js';
import { alongOr, includesOf } from '../../graphql/prefetch.js';

@ArgsType()
class MembersArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Members of cells in this committee subtree.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members of this cell.' })
  cellId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Members who live in this cell and take part in another (chi bộ nơi cư trú, Quy định 213).' })
  residenceCellId?: string | null;

  @Field(() => MemberStatus, { nullable: true, description: 'Only members with this status.' })
  status?: MemberStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only members living (or not living) in the commune.' })
  livesInCommune?: boolean | null;

  @Field(() => MemberOrder, { defaultValue: MemberOrder.ID, description: 'Order.' })
  orderBy!: MemberOrder;
}

@InputType({ description: 'Exempt a member from activity, or make them active again.' })
class SetMemberStatusInput {
  @Field(() => ID, { description: 'The member.' })
  memberId!: string;

  @Field(() => MemberStatus, { description: 'New status.' })
  status!: MemberStatus;

  @Field(() => ExemptReason, { nullable: true, description: 'Why, for an exempt member (required then).' })
  exemptReason?: ExemptReason | null;
}

@Resolver(() => Member)
export class MemberResolver {
  @Mutation(() => Member, { description: 'Exempt a member (miễn sinh hoạt) or make them active. Errors: MEMBER_HAS_ACTIVE_ASSIGNMENTS (end their assignments first), BAD_USER_INPUT (exemptReason), NOT_FOUND, FORBIDDEN.' })
  setMemberStatus(@Ctx() ctx: Context, @Arg('input', { description: 'What to do.' }) input: SetMemberStatusInput): Promise<Member> {
    return setMemberStatus(ctx, input);
  }

  @Query(() => Member, { nullable: true, description: 'One member by id; NOT_FOUND when it does not exist or is outside your scope.' })
  member(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Member | null> {
    return visibleOrNotFound(ctx.loaders.member.load(parseId(id, 'id')), 'id');
  }

  @Query(() => MemberConnection, { description: 'Members, filtered by unit and status.' })
  async members(@Ctx() ctx: Context, @Args() args: MembersArgs, @Info() info: GraphQLResolveInfo): Promise<MemberConnection> {
    const conds: Cond[] = [];
    const within = args.committeeId ? await subtreePrefix(ctx, args.committeeId) : undefined;
    if (within) conds.push(cellInSubtree(within));
    if (args.cellId) conds.push(cond('t.cell_id = ?', parseId(args.cellId, 'cellId')));
    if (args.residenceCellId) conds.push(cond('t.residence_cell_id = ?', parseId(args.residenceCellId, 'residenceCellId')));
    if (args.status) conds.push(cond('t.status = ?', args.status));
    if (args.livesInCommune != null) conds.push(cond('t.lives_in_commune = ?', args.livesInCommune));
    return findPage(ctx, Member, 'member', conds, args, SORTS[args.orderBy], { include: includesOf(info, 'Member', true), within });
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell of activity (chi bộ sinh hoạt); null when outside your scope (e.g. for the residence cell).' })
  cell(@Root() member: Member, @Ctx() ctx: Context): Cell | null | Promise<Cell | null> {
    return alongOr(member, 'cell', () => ctx.loaders.cell.load(member.cell.id));
  }

  @FieldResolver(() => Cell, { nullable: true, description: 'Cell where the member lives, when it differs (chi bộ nơi cư trú, Quy định 213).' })
  residenceCell(@Root() member: Member, @Ctx() ctx: Context): Promise<Cell | null> | null {
    return member.residenceCell ? ctx.loaders.cell.load(member.residenceCell.id) : null;
  }

  @FieldResolver(() => [Assignment], { description: 'Households the member is responsible for, newest first.' })
  assignments(
    @Root() member: Member,
    @Ctx() ctx: Context,
    @Arg('activeOnly', () => Boolean, { defaultValue: true, description: 'Only assignments in force.' }) activeOnly: boolean,
  ): Assignment[] | Promise<Assignment[]> {
    return alongOr(member, 'memberAssignments', () => ctx.loaders.memberAssignments.load(member.id),
      (all) => (activeOnly ? all.filter((a) => a.endedOn == null) : all));
  }
}
