import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '../../gql/graphql';

/** Roles that read feedback (the API's READERS); an administrator manages units, not people's concerns. */
const READERS: Role[] = ['COMMITTEE_STAFF', 'CELL_SECRETARY', 'MEMBER', 'ANALYST'];

export const routes: RouteRecordRaw[] = [
  {
    path: '/committees/:id/feedback',
    name: 'committee-feedback',
    component: () => import('./committee-feedback-page.vue'),
    props: true,
    meta: { titleKey: 'feedback.title', unitTab: { unit: 'committee', labelKey: 'feedback.tab', order: 30, roles: READERS } },
  },
  {
    path: '/cells/:id/feedback',
    name: 'cell-feedback',
    component: () => import('./cell-feedback-page.vue'),
    props: true,
    meta: { titleKey: 'feedback.title', unitTab: { unit: 'cell', labelKey: 'feedback.tab', order: 30, roles: READERS } },
  },
];
