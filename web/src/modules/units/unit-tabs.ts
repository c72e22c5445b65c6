import type { RouteRecordNormalized } from 'vue-router';
import type { Role } from '../../gql/graphql';
import type { UnitTab } from '../../router';

/** Roles the viewer holds anywhere (bound to a unit or global). */
export function heldRoles(viewer: { roles: readonly { role: Role }[] } | null | undefined): Set<Role> {
  return new Set((viewer?.roles ?? []).map((binding) => binding.role));
}

/** Whether a navigation entry or tab limited to `roles` shows for a viewer holding `held`. */
export function allowedFor(roles: readonly Role[] | undefined, held: ReadonlySet<Role>): boolean {
  return !roles || roles.some((role) => held.has(role));
}

export interface UnitTabEntry extends UnitTab {
  name: string;
}

/** The tabs of one unit kind the viewer may open, in their order. */
export function unitTabs(routes: readonly RouteRecordNormalized[], unit: UnitTab['unit'], held: ReadonlySet<Role>): UnitTabEntry[] {
  return routes
    .flatMap((record) =>
      record.meta.unitTab && record.name && record.meta.unitTab.unit === unit ? [{ ...record.meta.unitTab, name: String(record.name) }] : [],
    )
    .filter((tab) => allowedFor(tab.roles, held))
    .sort((a, b) => a.order - b.order);
}
