import type { Context } from './context.js';
import { notFound } from './errors.js';
import { forbidden } from '../auth/schema-policy.js';
import { canActOnFeedback, canManageCell } from '../auth/policy.js';

export interface CellTarget {
  id: number;
  path: string;
}

/** The committee path of a cell, for the write checks of policy.ts. */
export async function cellTarget(ctx: Context, cellId: number): Promise<CellTarget> {
  const [row] = await ctx.em.execute<{ path: string }[]>(
    'select k.path from cell c join committee k on k.id = c.committee_id where c.id = ?', [cellId]);
  return { id: cellId, path: row.path };
}

/** Loads a row through the viewer's scope: out of scope reads as NOT_FOUND on `field`, never revealing it exists. */
export async function visibleOrNotFound<T>(load: Promise<T | null>, field: string): Promise<T> {
  const row = await load;
  if (!row) throw notFound(field);
  return row;
}

export async function requireManageCell(ctx: Context, cellId: number): Promise<void> {
  if (!canManageCell(ctx.scope, await cellTarget(ctx, cellId))) throw forbidden();
}

export async function requireFeedbackLevel(ctx: Context, level: 'cell' | 'commune' | 'district', cellId: number): Promise<void> {
  if (!canActOnFeedback(ctx.scope, level, await cellTarget(ctx, cellId))) throw forbidden(`feedback at ${level} level`);
}
