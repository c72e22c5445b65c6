import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Committee } from './committee.entity.js';
import { EffectiveVisitPolicy } from './committee.types.js';
import { CellConnection } from '../cell/cell.types.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { pageWindow, toPage } from '../../graphql/connection.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import type { Context } from '../../graphql/context.js';

@Resolver(() => Committee)
export class CommitteeResolver {
  @Query(() => [Committee], { description: 'Committees directly under `parentId`, or the top-level committees when it is omitted.' })
  async committees(
    @Ctx() ctx: Context,
    @Arg('parentId', () => ID, { nullable: true, description: 'Parent committee.' }) parentId?: string | null,
  ): Promise<Committee[]> {
    const parent = parseOptionalId(parentId, 'parentId');
    if (parent !== undefined) return ctx.loaders.committeeChildren.load(parent);
    const visible = ctx.scope.visible('committee');
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select t.* from committee t where t.parent_id is null and ${visible.sql} order by t.name, t.id`, visible.params);
    return rows.map((row) => ctx.rows.map(Committee, row));
  }

  @Query(() => Committee, { nullable: true, description: 'One committee by id.' })
  committee(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Committee | null> {
    return ctx.loaders.committee.load(parseId(id, 'id'));
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'Parent committee; null at the top.' })
  parent(@Root() committee: Committee, @Ctx() ctx: Context): Promise<Committee | null> | null {
    return committee.parent ? ctx.loaders.committee.load(committee.parent.id) : null;
  }

  @FieldResolver(() => [Committee], { description: 'Committees directly under this one.' })
  children(@Root() committee: Committee, @Ctx() ctx: Context): Promise<Committee[]> {
    return ctx.loaders.committeeChildren.load(committee.id);
  }

  @FieldResolver(() => CellConnection, { description: 'Cells directly under this committee.' })
  async cells(@Root() committee: Committee, @Ctx() ctx: Context, @Args() args: PageArgsInput): Promise<CellConnection> {
    const window = pageWindow(args);
    const rows = await ctx.loaders.committeeCells.load({ parentId: committee.id, window });
    return toPage(rows, window, () => ctx.loaders.committeeCellCount.load({ parentId: committee.id }));
  }

  @FieldResolver(() => EffectiveVisitPolicy, { description: 'Visit policy in force for this committee.' })
  visitPolicy(@Root() committee: Committee, @Ctx() ctx: Context): Promise<EffectiveVisitPolicy> {
    return ctx.loaders.visitPolicy.load(committee.id);
  }
}
