import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreateCellInput, CreateCommitteeInput } from './unit.input.js';
import { createCell, createCommittee } from './unit.service.js';
import { Cell } from '../cell/cell.entity.js';
import { Committee } from './committee.entity.js';
import { EffectiveVisitPolicy } from './committee.types.js';
import { CellConnection } from '../cell/cell.types.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { pageWindow, toPage } from '../../graphql/connection.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
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

  @Query(() => Committee, { nullable: true, description: 'One committee by id; NOT_FOUND when it does not exist or is outside your scope.' })
  committee(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Identifier.' }) id: string): Promise<Committee | null> {
    return visibleOrNotFound(ctx.loaders.committee.load(parseId(id, 'id')), 'id');
  }

  @Mutation(() => Committee, { description: 'Create a committee (admin, inside the admin\'s subtree). Errors: NOT_FOUND (parentId), FORBIDDEN, BAD_USER_INPUT (duplicate name).' })
  createCommittee(@Ctx() ctx: Context, @Arg('input', { description: 'The committee.' }) input: CreateCommitteeInput): Promise<Committee> {
    return createCommittee(ctx, input);
  }

  @Mutation(() => Cell, { description: 'Create a cell (admin, inside the admin\'s subtree). Errors: NOT_FOUND (committeeId), FORBIDDEN, BAD_USER_INPUT (duplicate name).' })
  createCell(@Ctx() ctx: Context, @Arg('input', { description: 'The cell.' }) input: CreateCellInput): Promise<Cell> {
    return createCell(ctx, input);
  }

  @FieldResolver(() => Committee, { nullable: true, description: 'Parent committee; null at the top, or when it is above what you may see.' })
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
