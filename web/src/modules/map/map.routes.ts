import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../../gql/graphql';

/**
 * coverageMap answers readers of the whole unit: committee staff and analysts over a committee,
 * and a cell's secretary over the cell; members read only their own rows, admins no people data.
 */
const COMMITTEE_MAP_ROLES: Role[] = ['COMMITTEE_STAFF', 'ANALYST'];
const CELL_MAP_ROLES: Role[] = ['COMMITTEE_STAFF', 'CELL_SECRETARY', 'ANALYST'];

export const routes: RouteRecordRaw[] = [
  {
    path: '/committees/:id/map',
    name: 'committee-map',
    component: () => import('./map-page.vue'),
    props: (route) => ({ unit: 'committee', id: String(route.params.id) }),
    meta: { titleKey: 'map.title', unitTab: { unit: 'committee', labelKey: 'map.tab', order: 25, roles: COMMITTEE_MAP_ROLES } },
  },
  {
    path: '/cells/:id/map',
    name: 'cell-map',
    component: () => import('./map-page.vue'),
    props: (route) => ({ unit: 'cell', id: String(route.params.id) }),
    meta: { titleKey: 'map.title', unitTab: { unit: 'cell', labelKey: 'map.tab', order: 25, roles: CELL_MAP_ROLES } },
  },
];
