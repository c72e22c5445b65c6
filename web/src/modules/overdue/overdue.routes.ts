import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../../gql/graphql';

// Members see their own households in the list; admins manage units and accounts, not people's data.
const READERS: Role[] = ['COMMITTEE_STAFF', 'CELL_SECRETARY', 'ANALYST', 'MEMBER'];

export const routes: RouteRecordRaw[] = [
  {
    path: '/committees/:id/overdue',
    name: 'committee-overdue',
    component: () => import('./overdue-page.vue'),
    props: (route) => ({ unit: { kind: 'committee', id: String(route.params.id) } }),
    meta: { titleKey: 'overdue.title', unitTab: { unit: 'committee', labelKey: 'overdue.tab', order: 20, roles: READERS } },
  },
  {
    path: '/cells/:id/overdue',
    name: 'cell-overdue',
    component: () => import('./overdue-page.vue'),
    props: (route) => ({ unit: { kind: 'cell', id: String(route.params.id) } }),
    meta: { titleKey: 'overdue.title', unitTab: { unit: 'cell', labelKey: 'overdue.tab', order: 20, roles: READERS } },
  },
];
