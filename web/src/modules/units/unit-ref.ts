/** A committee (its whole subtree) or a cell: the unit a page is about. */
export interface UnitRef {
  kind: 'committee' | 'cell';
  id: string;
}

/** The `committeeId` / `cellId` pair that every unit argument of the API takes. */
export function unitVariables(unit: UnitRef): { committeeId: string | null; cellId: string | null } {
  return unit.kind === 'committee' ? { committeeId: unit.id, cellId: null } : { committeeId: null, cellId: unit.id };
}
