import type { RouteLocationRaw } from 'vue-router';
import type { CommitteeKind, Role, ViewerFieldsFragment } from '../../gql/graphql';

interface CommitteeRef {
  id: string;
  name: string;
  kind: CommitteeKind;
}

interface CellRef {
  id: string;
  name: string;
  committee: CommitteeRef | null;
}

/** What this module reads of a viewer. */
export interface ViewerLike {
  roles: ViewerFieldsFragment['roles'];
  account?: { member?: { cell: CellRef | null } | null };
}

/** A unit the viewer is bound to, with every role held there. */
export interface ViewerUnit {
  kind: 'committee' | 'cell';
  id: string;
  name: string;
  /** The committee itself, or the committee the cell belongs to: where its page is; null when out of sight. */
  committee: CommitteeRef | null;
  roles: Role[];
}

export interface ViewerUnits {
  /** Roles bound to no unit: they hold everywhere (a global administrator). */
  global: Role[];
  units: ViewerUnit[];
}

/**
 * Groups the viewer's role bindings by unit, in the order the API gave them. A MEMBER role is
 * bound to no unit (it is about the person's own records): it belongs to the member's own cell.
 */
export function viewerUnits(viewer: ViewerLike | null | undefined): ViewerUnits {
  const global: Role[] = [];
  const units = new Map<string, ViewerUnit>();
  const ownCell = viewer?.account?.member?.cell ?? null;
  for (const { role, committee, cell: boundCell } of viewer?.roles ?? []) {
    const cell = boundCell ?? (role === 'MEMBER' && !committee ? ownCell : null);
    const unit: Omit<ViewerUnit, 'roles'> | null = cell
      ? { kind: 'cell', id: cell.id, name: cell.name, committee: cell.committee }
      : committee
        ? { kind: 'committee', id: committee.id, name: committee.name, committee }
        : null;
    if (!unit) {
      if (!global.includes(role)) global.push(role);
      continue;
    }
    const key = `${unit.kind}:${unit.id}`;
    const entry = units.get(key) ?? { ...unit, roles: [] };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    units.set(key, entry);
  }
  return { global, units: [...units.values()] };
}

/**
 * Where the start page sends the viewer: the committee of their one unit (a cell secretary lands
 * on the commune that holds the cell), or the top of the tree for global roles and people with
 * units in several committees.
 */
export function homeLocation(viewer: ViewerLike | null | undefined): RouteLocationRaw {
  const { global, units } = viewerUnits(viewer);
  const committees = new Set(units.flatMap((unit) => (unit.committee ? [unit.committee.id] : [])));
  if (global.some((role) => role !== 'MEMBER') || committees.size !== 1) return { name: 'committees' };
  return { name: 'committee', params: { id: [...committees][0] } };
}
