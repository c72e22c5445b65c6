import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { committeeRoutes } from './modules/committees/committee.routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the document title. */
    titleKey?: string;
    /** i18n key of the main navigation entry; routes without one stay out of the menu. */
    navKey?: string;
  }
}

export const routes: RouteRecordRaw[] = [
  { path: '/', redirect: { name: 'committees' } },
  ...committeeRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./layout/not-found-page.vue'),
    meta: { titleKey: 'notFound.title' },
  },
];

export function createAppRouter() {
  return createRouter({
    // The server answers every unknown path with index.html, so clean URLs work on reload.
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
}
