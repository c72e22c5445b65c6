import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./login-page.vue'),
    meta: { titleKey: 'auth.login.title', public: true },
  },
  {
    path: '/account/password',
    name: 'change-password',
    component: () => import('./change-password-page.vue'),
    meta: { titleKey: 'auth.password.title' },
  },
];
