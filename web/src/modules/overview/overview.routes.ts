import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/cells/:id/overview',
    name: 'cell-overview',
    component: () => import('./cell-overview-page.vue'),
    props: true,
    meta: {
      titleKey: 'overview.title',
      // Figures are served to readers of the whole cell; a member sees only their own households.
      unitTab: { unit: 'cell', labelKey: 'units.overview', order: 5, roles: ['COMMITTEE_STAFF', 'CELL_SECRETARY', 'ANALYST'] },
    },
  },
];
