import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/my/households',
    name: 'my-households',
    component: () => import('./my-households-page.vue'),
    meta: { titleKey: 'visits.households.title', navKey: 'visits.nav', navOrder: 5, navRoles: ['MEMBER'] },
  },
  {
    path: '/my/visits/new',
    name: 'record-visit',
    component: () => import('./record-visit-page.vue'),
    props: (route) => ({ householdId: typeof route.query.household === 'string' ? route.query.household : '' }),
    meta: { titleKey: 'visits.form.title' },
  },
  {
    path: '/my/visits/:id',
    name: 'visit-saved',
    component: () => import('./visit-saved-page.vue'),
    props: true,
    meta: { titleKey: 'visits.saved.title' },
  },
];
