import type { RouteRecordRaw } from 'vue-router';

export const cellRoutes: RouteRecordRaw[] = [
  {
    path: '/cells/:id',
    name: 'cell',
    component: () => import('./cell-page.vue'),
    props: true,
    meta: { titleKey: 'cells.title' },
  },
];
