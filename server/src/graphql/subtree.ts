import type { Context } from './context.js';
import { cond, type Cond } from './sql.js';
import { notFound } from './errors.js';
import { parseId } from './ids.js';

/** The path prefix of a committee's subtree, or NOT_FOUND on `field`. */
export async function subtreePrefix(ctx: Context, committeeId: string, field = 'committeeId'): Promise<string> {
  const id = parseId(committeeId, field);
  if (ctx.committeePaths) {
    const path = await ctx.committeePaths.path(id);
    if (!path || !ctx.scope.seesCommittee(path)) throw notFound(field);
    return `${path}%`;
  }
  const committee = await ctx.loaders.committee.load(id);
  if (!committee) throw notFound(field);
  return `${committee.path}%`;
}

/** `t.cell_id` lies in the committee's subtree: one indexed path predicate. */
export const cellInSubtree = (prefix: string, column = 't.cell_id'): Cond =>
  cond(`${column} in (select c.id from cell c join committee k on k.id = c.committee_id where k.path like ?)`, prefix);
