import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/cells/:id/assignments',
    name: 'cell-assignments',
    component: () => import('./cell-assignments-page.vue'),
    props: true,
    meta: {
      titleKey: 'assignments.title',
      unitTab: { unit: 'cell', labelKey: 'assignments.tab', order: 10, roles: ['CELL_SECRETARY', 'COMMITTEE_STAFF'] },
    },
  },
];
