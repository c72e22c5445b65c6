import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/cells/:id/classification',
    name: 'cell-classification',
    component: () => import('./cell-classification-page.vue'),
    props: (route) => ({ id: String(route.params.id), yearParam: route.query.year }),
    // classificationSheet answers the cell's secretary and committee staff over it (admins hold no people data).
    meta: { titleKey: 'classification.title', unitTab: { unit: 'cell', labelKey: 'classification.tab', order: 40, roles: ['CELL_SECRETARY', 'COMMITTEE_STAFF'] } },
  },
  {
    path: '/committees/:id/classification',
    name: 'committee-classification',
    component: () => import('./committee-classification-page.vue'),
    props: (route) => ({ id: String(route.params.id), yearParam: route.query.year }),
    meta: { titleKey: 'classification.title', unitTab: { unit: 'committee', labelKey: 'classification.tab', order: 40, roles: ['COMMITTEE_STAFF'] } },
  },
];
