import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/committees',
    name: 'committees',
    component: () => import('./committee-roots-page.vue'),
    meta: { titleKey: 'committees.title', navKey: 'nav.committees', navOrder: 10 },
  },
  {
    path: '/committees/:id',
    name: 'committee',
    component: () => import('./committee-page.vue'),
    props: true,
    meta: { titleKey: 'committees.title', unitTab: { unit: 'committee', labelKey: 'units.overview', order: 0 } },
  },
];
