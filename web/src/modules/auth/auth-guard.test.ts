import { describe, expect, it } from 'vitest';
import { computed, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { installAuthGuard, safeRedirect } from './auth-guard';
import type { SignOutReason } from './use-auth';

const Page = { render: () => null };

function app(initiallySignedIn: boolean) {
  const signedIn = ref(initiallySignedIn);
  const listeners: ((reason: SignOutReason) => unknown)[] = [];
  const auth = {
    restore: async () => undefined,
    signedIn: computed(() => signedIn.value),
    onSignOut: (listener: (reason: SignOutReason) => unknown) => {
      listeners.push(listener);
      return () => true;
    },
  };
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Page },
      { path: '/login', name: 'login', component: Page, meta: { public: true } },
      { path: '/committees/:id', name: 'committee', component: Page },
    ],
  });
  const afterSignOut: string[] = [];
  installAuthGuard(router, auth, () => afterSignOut.push(router.currentRoute.value.fullPath));
  const signOut = async (reason: SignOutReason) => {
    signedIn.value = false;
    await Promise.all(listeners.map((listener) => listener(reason)));
  };
  return { router, signedIn, signOut, afterSignOut };
}

describe('installAuthGuard', () => {
  it('sends a visitor without a session from a deep link to the login page, remembering the link', async () => {
    const { router } = app(false);
    await router.push('/committees/42?tab=cells');
    expect(router.currentRoute.value.fullPath).toBe('/login?redirect=/committees/42?tab=cells');
    expect(router.currentRoute.value.query.redirect).toBe('/committees/42?tab=cells');
  });

  it('sends a signed-in user away from the login page, to the page asked for', async () => {
    const { router } = app(true);
    await router.push({ name: 'login', query: { redirect: '/committees/42' } });
    expect(router.currentRoute.value.fullPath).toBe('/committees/42');
  });

  it('brings the user back to the page after the session expired, and to a plain login page after logout', async () => {
    const expired = app(true);
    await expired.router.push('/committees/42');
    await expired.signOut('expired');
    expect(expired.router.currentRoute.value.fullPath).toBe('/login?redirect=/committees/42');
    expect(expired.afterSignOut).toEqual(['/login?redirect=/committees/42']);

    const leaving = app(true);
    await leaving.router.push('/committees/42');
    await leaving.signOut('logout');
    expect(leaving.router.currentRoute.value.fullPath).toBe('/login');
    expect(leaving.afterSignOut).toEqual(['/login']);
  });
});

describe('safeRedirect', () => {
  it('accepts paths of this app only', () => {
    expect(safeRedirect('/committees/42?x=1')).toBe('/committees/42?x=1');
    expect(safeRedirect(['/committees/1', '/committees/2'])).toBe('/committees/1');
    for (const unsafe of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', undefined, 42, '/login', '/login?redirect=/x']) {
      expect(safeRedirect(unsafe)).toBeNull();
    }
  });
});
