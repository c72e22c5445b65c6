import type { RouteRecordRaw } from 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** The page uses the whole width of the window (the explorer's editors). */
    wide?: boolean;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/explorer',
    name: 'explorer',
    // Its own chunk, and GraphiQL another one inside it: the rest of the dashboard does not grow.
    component: () => import('./explorer-page.vue'),
    meta: { titleKey: 'explorer.title', navKey: 'nav.explorer', navOrder: 90, wide: true },
  },
];
