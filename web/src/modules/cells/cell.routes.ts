import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/cells/:id',
    name: 'cell',
    component: () => import('./cell-page.vue'),
    props: true,
    meta: { titleKey: 'cells.title', unitTab: { unit: 'cell', labelKey: 'units.members', order: 0 } },
  },
];
