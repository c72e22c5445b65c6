import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { installAuthGuard } from './modules/auth/auth-guard';
import type { Auth } from './modules/auth/use-auth';
import { homeLocation } from './modules/auth/viewer-units';
import type { Role } from './gql/graphql';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the document title. */
    titleKey?: string;
    /** i18n key of the main navigation entry; routes without one stay out of the menu. */
    navKey?: string;
    /** Position in the main navigation (lower first). */
    navOrder?: number;
    /** Roles that see the navigation entry (held anywhere); every signed-in viewer when absent. */
    navRoles?: Role[];
    /** A tab on a unit's pages (`/committees/:id/…`, `/cells/:id/…`): see modules/units/unit-tabs.vue. */
    unitTab?: UnitTab;
  }
}

export interface UnitTab {
  unit: 'committee' | 'cell';
  /** i18n key of the tab's label. */
  labelKey: string;
  order: number;
  /** Roles that see the tab (held anywhere, or globally); every viewer of the unit when absent. */
  roles?: Role[];
}

// Each feature module declares its pages in `<module>.routes.ts` (export `routes`).
const moduleRoutes = Object.values(
  import.meta.glob<{ routes: RouteRecordRaw[] }>('./modules/*/*.routes.ts', { eager: true }),
).flatMap((file) => file.routes);

export function appRoutes(auth: Pick<Auth, 'viewer'>): RouteRecordRaw[] {
  return [
    {
      path: '/',
      name: 'home',
      // Decided in beforeEnter, after the auth guard has restored the session: the viewer's own unit.
      component: () => import('./modules/committees/committee-roots-page.vue'),
      beforeEnter: () => homeLocation(auth.viewer.value),
    },
    ...moduleRoutes,
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
