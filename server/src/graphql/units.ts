import type { Context } from './context.js';
import { badInput } from './errors.js';
import { parseOptionalId } from './ids.js';
import { visibleOrNotFound } from './targets.js';
import { forbidden } from '../auth/schema-policy.js';
import type { UnitRef } from '../live/coverage.js';

/**
 * The unit of an aggregate (`committeeId` or `cellId`), which the viewer must be able to read
 * whole, so a count never includes a row outside their scope: NOT_FOUND when the unit is not
 * visible, FORBIDDEN when only part of it is.
 */
export async function wholeUnit(ctx: Context, args: { committeeId?: string | null; cellId?: string | null }): Promise<UnitRef> {
  const committeeId = parseOptionalId(args.committeeId, 'committeeId');
  const cellId = parseOptionalId(args.cellId, 'cellId');
  if (!committeeId === !cellId) throw badInput('committeeId', 'give exactly one of committeeId and cellId');
  let unit: UnitRef;
  if (cellId) {
    const cell = await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
    const committee = await visibleOrNotFound(ctx.loaders.committee.load(cell.committee.id), 'cellId');
    unit = { kind: 'cell', id: cellId, path: committee.path };
  } else {
    const committee = await visibleOrNotFound(ctx.loaders.committee.load(committeeId!), 'committeeId');
    unit = { kind: 'committee', id: committee.id, path: committee.path };
  }
  if (!ctx.scope.coversUnit(unit.path, unit.kind === 'cell' ? unit.id : undefined)) throw forbidden('figures of a unit you cannot read whole');
  return unit;
}

/**
 * SQL of the cells of a unit with the child unit each belongs to (the next committee down the
 * path, or the cell itself when it hangs on the unit), as `cells(cell_id, cell_name, committee_id, child_kind, child_id)`.
 */
export function unitCells(unit: UnitRef): { sql: string; params: unknown[] } {
  if (unit.kind === 'cell') {
    return { sql: `select c.id as cell_id, c.name as cell_name, c.committee_id, 'cell'::text as child_kind, c.id as child_id from cell c where c.id = ?`, params: [unit.id] };
  }
  // '/1/5/' holds 2 ids: the child committee's id is the 4th '/'-separated part of '/1/5/23/'.
  const childPart = unit.path.split('/').length;
  return {
    sql: `select c.id as cell_id, c.name as cell_name, k.id as committee_id,
                 case when k.id = ${Number(unit.id)} then 'cell' else 'committee' end as child_kind,
                 case when k.id = ${Number(unit.id)} then c.id else split_part(k.path, '/', ${childPart})::int end as child_id
            from cell c join committee k on k.id = c.committee_id where k.path like ?`,
    params: [`${unit.path}%`],
  };
}
