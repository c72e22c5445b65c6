import type { RouteLocationRaw, Router } from 'vue-router';
import type { Auth } from './use-auth';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (the login page); every other route needs one. */
    public?: boolean;
  }
}

/**
 * A path to return to after login, only when it is a path of this app: `//evil.example` or
 * `https://…` would turn the login page into an open redirect.
 */
export function safeRedirect(value: unknown): string | null {
  const path = Array.isArray(value) ? value[0] : value;
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return null;
  if (/^\/login(?:[/?#]|$)/.test(path)) return null;
  return path;
}

/** The login page, remembering the page asked for (the start page needs no reminder). */
export function loginLocation(returnTo?: string): RouteLocationRaw {
  return returnTo && returnTo !== '/' ? { name: 'login', query: { redirect: returnTo } } : { name: 'login' };
}

/**
 * Every route but the public ones needs a session. The first navigation waits until a saved
 * session was tried; a session that ends later sends the user to the login page, and back
 * afterwards when it expired rather than being closed on purpose.
 */
export function installAuthGuard(
  router: Router,
  auth: Pick<Auth, 'restore' | 'signedIn' | 'onSignOut'>,
  /** Runs once the signed-out user has left the page, e.g. to empty the Apollo cache under no mounted query. */
  afterSignOut: () => unknown = () => undefined,
) {
  router.beforeEach(async (to) => {
    await auth.restore();
    if (to.meta.public) {
      return to.name === 'login' && auth.signedIn.value ? (safeRedirect(to.query.redirect) ?? '/') : true;
    }
    return auth.signedIn.value || loginLocation(to.fullPath);
  });

  auth.onSignOut(async (reason) => {
    const current = router.currentRoute.value;
    if (!current.meta.public) await router.replace(reason === 'expired' ? loginLocation(current.fullPath) : loginLocation());
    await afterSignOut();
  });
}
