import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { installAuthGuard } from './modules/auth/auth-guard';
import { authRoutes } from './modules/auth/auth.routes';
import type { Auth } from './modules/auth/use-auth';
import { homeLocation } from './modules/auth/viewer-units';
import { cellRoutes } from './modules/cells/cell.routes';
import { committeeRoutes } from './modules/committees/committee.routes';
import { explorerRoutes } from './modules/explorer/explorer.routes';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the document title. */
    titleKey?: string;
    /** i18n key of the main navigation entry; routes without one stay out of the menu. */
    navKey?: string;
  }
}

export function appRoutes(auth: Pick<Auth, 'viewer'>): RouteRecordRaw[] {
  return [
    {
      path: '/',
      name: 'home',
      // Decided in beforeEnter, after the auth guard has restored the session: the viewer's own unit.
      component: () => import('./modules/committees/committee-roots-page.vue'),
      beforeEnter: () => homeLocation(auth.viewer.value),
    },
    ...authRoutes,
    ...committeeRoutes,
    ...cellRoutes,
    ...explorerRoutes,
    {
      path: '/:pathMatch(.*)*',
      name: 'not-found',
      component: () => import('./layout/not-found-page.vue'),
      meta: { titleKey: 'notFound.title' },
    },
  ];
}

/** `afterSignOut` runs when a session has ended and the user is on the login page. */
export function createAppRouter(auth: Auth, afterSignOut?: () => unknown) {
  const router = createRouter({
    // The server answers every unknown path with index.html, so clean URLs work on reload.
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: appRoutes(auth),
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  installAuthGuard(router, auth, afterSignOut);
  return router;
}
