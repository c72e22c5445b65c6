import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Cell, CellKind } from './cell.entity.js';
import { CellConnection } from './cell.types.js';
import { Committee } from '../committee/committee.entity.js';
import { MemberConnection } from '../member/member.types.js';
import { MemberStatus } from '../member/member.entity.js';
import { HouseholdConnection } from '../household/household.types.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { pageWindow, toPage } from '../../graphql/connection.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { parseId } from '../../graphql/ids.js';
import { findPage } from '../../graphql/list.js';
import { cond } from '../../graphql/sql.js';
import { subtreePrefix } from '../../graphql/subtree.js';
import type { Context } from '../../graphql/context.js';
import { includesOf } from '../../graphql/prefetch.js';

@ArgsType()
class CellsArgs extends PageArgsInput {
  @Field(() => ID, { description: 'Committee whose whole subtree is listed.' })
  committeeId!: string;

  @Field(() => CellKind, { nullable: true, description: 'Only cells of this kind.' })
  kind?: CellKind | null;
}

@ArgsType()
class CellMembersArgs extends PageArgsInput {
  @Field(() => MemberStatus, { nullable: true, description: 'Only members with this status.' })
  status?: MemberStatus | null;
}

@Resolver(() => Cell)
export class CellResolver {
  @Query(() => Cell, { nullable: true, description: 'One cell by id; NOT_FOUND when it does not exist or is outside your scope.' })
  cell(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Cell | null> {
    return visibleOrNotFound(ctx.loaders.cell.load(parseId(id, 'id')), 'id');
  }

  @Query(() => CellConnection, { description: 'Cells in a committee subtree, by id.' })
  async cells(@Ctx() ctx: Context, @Args() args: CellsArgs): Promise<CellConnection> {
    const prefix = await subtreePrefix(ctx, args.committeeId);
    const conds = [cond('t.committee_id in (select id from committee where path like ?)', prefix)];
    if (args.kind) conds.push(cond('t.kind = ?', args.kind));
    return findPage(ctx, Cell, 'cell', conds, args);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'Committee the cell belongs to; null when outside your scope.' })
  committee(@Root() cell: Cell, @Ctx() ctx: Context): Promise<Committee | null> {
    return ctx.loaders.committee.load(cell.committee.id);
  }

  @FieldResolver(() => MemberConnection, { description: 'Members whose cell of activity this is.' })
  async members(@Root() cell: Cell, @Ctx() ctx: Context, @Args() args: CellMembersArgs, @Info() info: GraphQLResolveInfo): Promise<MemberConnection> {
    const window = pageWindow(args);
    const filter = args.status ? { sql: 't.status = ?', params: [args.status] } : undefined;
    const rows = await ctx.loaders.cellMembers.load({ parentId: cell.id, window, filter, include: includesOf(info, 'Member', true) });
    return toPage(rows, window, () => ctx.loaders.cellMemberCount.load({ parentId: cell.id, filter }));
  }

  @FieldResolver(() => HouseholdConnection, { description: 'Households in the cell\'s area.' })
  async households(@Root() cell: Cell, @Ctx() ctx: Context, @Args() args: PageArgsInput, @Info() info: GraphQLResolveInfo): Promise<HouseholdConnection> {
    const window = pageWindow(args);
    const rows = await ctx.loaders.cellHouseholds.load({ parentId: cell.id, window, include: includesOf(info, 'Household', true) });
    return toPage(rows, window, () => ctx.loaders.cellHouseholdCount.load({ parentId: cell.id }));
  }
}
