import type { Context } from '../../graphql/context.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { canAdminister } from '../../auth/policy.js';
import { forbidden } from '../../auth/schema-policy.js';
import type { Committee } from './committee.entity.js';
import type { Cell } from '../cell/cell.entity.js';
import type { CreateCellInput, CreateCommitteeInput } from './unit.input.js';

/** Admins create units inside their subtree; a global admin may also start a new tree. */
export async function createCommittee(ctx: Context, input: CreateCommitteeInput): Promise<Committee> {
  const parentId = parseOptionalId(input.parentId, 'parentId');
  const parent = parentId ? await visibleOrNotFound(ctx.loaders.committee.load(parentId), 'parentId') : null;
  if (!canAdminister(ctx.scope, parent?.path ?? null)) throw forbidden('outside your subtree');
  const id = await inTransaction(ctx, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into committee (parent_id, kind, name, code) values (?, ?, ?, ?) returning id',
      [parentId ?? null, input.kind, input.name.trim(), input.code ?? null]);
    return row.id;
  });
  return (await ctx.loaders.committee.load(id))!;
}

export async function createCell(ctx: Context, input: CreateCellInput): Promise<Cell> {
  const committeeId = parseId(input.committeeId, 'committeeId');
  const committee = await visibleOrNotFound(ctx.loaders.committee.load(committeeId), 'committeeId');
  if (!canAdminister(ctx.scope, committee.path)) throw forbidden('outside your subtree');
  const id = await inTransaction(ctx, async (em) => {
    const [row] = await em.execute<{ id: number }[]>('insert into cell (committee_id, kind, name) values (?, ?, ?) returning id',
      [committeeId, input.kind, input.name.trim()]);
    return row.id;
  });
  return (await ctx.loaders.cell.load(id))!;
}
