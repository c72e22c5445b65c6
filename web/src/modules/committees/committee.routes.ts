import type { RouteRecordRaw } from 'vue-router';

export const committeeRoutes: RouteRecordRaw[] = [
  {
    path: '/committees',
    name: 'committees',
    component: () => import('./committee-roots-page.vue'),
    meta: { titleKey: 'committees.title', navKey: 'nav.committees' },
  },
  {
    path: '/committees/:id',
    name: 'committee',
    component: () => import('./committee-page.vue'),
    props: true,
    meta: { titleKey: 'committees.title' },
  },
];
