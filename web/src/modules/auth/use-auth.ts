import { computed, inject, readonly, ref, shallowRef, type InjectionKey } from 'vue';
import type { SessionFieldsFragment, ViewerFieldsFragment } from '../../gql/graphql';
import { isUnauthenticated } from './auth-errors';
import { createSessionStorage, parseStoredSession, SESSION_STORAGE_KEY, type AuthStorage, type StoredSession } from './session-storage';

export type Session = SessionFieldsFragment;
export type Viewer = ViewerFieldsFragment;

/** A session as the API answered it, with the server's clock when the answer left it (HTTP `Date`), if known. */
export interface TimedSession {
  session: Session;
  serverTime: number | null;
}

/** The calls that manage a session; they bypass Apollo so a refresh never waits on itself. */
export interface AuthApi {
  login(username: string, password: string): Promise<TimedSession>;
  refresh(refreshToken: string): Promise<TimedSession>;
  /** The `viewer` query under this access token. */
  viewer(accessToken: string): Promise<Viewer | null>;
  logout(refreshToken: string | null, accessToken: string | null): Promise<void>;
}

/** `restoring` until a saved session was tried once at start-up. */
export type AuthStatus = 'restoring' | 'signedIn' | 'signedOut';

/** Why the session ended: the user left, or the API no longer accepts the refresh token. */
export type SignOutReason = 'logout' | 'expired';

/** Refresh this long before the access token expires, so no request goes out with a dead token. */
export const REFRESH_AHEAD_MS = 60_000;
/** A token closer than this to its expiry is refreshed before a request uses it (timers sleep with the device). */
const EXPIRY_MARGIN_MS = 5_000;
/** After a refresh that failed for lack of network, try again this much later. */
export const RETRY_AFTER_NETWORK_ERROR_MS = 30_000;
/** Never schedule refreshes closer than this, whatever the clocks say. */
const MIN_REFRESH_DELAY_MS = 10_000;

export interface AuthOptions {
  api: AuthApi;
  storage?: AuthStorage | null;
  now?: () => number;
  /** Runs one refresh at a time across the tabs of this browser (Web Locks), so two tabs never spend the same token. */
  lock?: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * The session of this browser: login, a refresh a minute before each access token expires
 * (rotating the refresh token), restore after a reload, logout, and following other tabs.
 */
export function createAuth({ api, storage = null, now = Date.now, lock = (task) => task() }: AuthOptions) {
  const status = ref<AuthStatus>('restoring');
  const viewer = shallowRef<Viewer | null>(null);
  /** The saved session could not be tried because the API was unreachable. */
  const restoreFailed = ref(false);
  let accessToken: string | null = null;
  /** When the access token expires, on this device's clock. */
  let expiresAt = 0;
  const saved = createSessionStorage(storage);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let refreshing: Promise<string | null> | null = null;
  let restoring: Promise<void> | null = null;
  const tokenListeners = new Set<(token: string | null) => void>();
  const signOutListeners = new Set<(reason: SignOutReason) => void>();

  function schedule(delay: number) {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => undefined), Math.max(delay, MIN_REFRESH_DELAY_MS));
  }

  /**
   * The server resolves `Session.viewer` under the scope of the request that asked for the session,
   * which for login and refresh carries no token yet: the units of the role bindings come back null.
   * The `viewer` query under the new access token has them; if it fails, the viewer we had will do.
   */
  async function withViewerUnits(result: TimedSession): Promise<TimedSession> {
    const withViewer = (next: Viewer) => ({ ...result, session: { ...result.session, viewer: next } });
    try {
      const fresh = await api.viewer(result.session.accessToken);
      if (fresh) return withViewer(fresh);
    } catch {
      // fall through: better a viewer we already had for this account
    }
    const current = viewer.value;
    return current && current.account.id === result.session.viewer.account.id ? withViewer(current) : result;
  }

  function setSession({ session, serverTime }: TimedSession) {
    const receivedAt = now();
    // The lifetime is measured on the server's clock, so a phone whose clock is off still refreshes on time.
    const lifetime = Date.parse(session.accessTokenExpiresAt) - (serverTime ?? receivedAt);
    accessToken = session.accessToken;
    expiresAt = receivedAt + lifetime;
    saved.write({ refreshToken: session.refreshToken, accountId: session.viewer.account.id });
    viewer.value = session.viewer;
    status.value = 'signedIn';
    schedule(lifetime - REFRESH_AHEAD_MS);
    tokenListeners.forEach((listener) => listener(accessToken));
  }

  /** Forgets the session on this device; listeners hear of it only if someone was signed in. */
  function clear(reason: SignOutReason) {
    const wasSignedIn = status.value === 'signedIn';
    clearTimeout(timer);
    timer = undefined;
    accessToken = null;
    expiresAt = 0;
    saved.write(null);
    viewer.value = null;
    status.value = 'signedOut';
    if (wasSignedIn) {
      tokenListeners.forEach((listener) => listener(null));
      signOutListeners.forEach((listener) => listener(reason));
    }
  }

  async function refreshWith(stored: StoredSession, retried: boolean): Promise<string | null> {
    let result: TimedSession;
    try {
      result = await api.refresh(stored.refreshToken);
    } catch (error) {
      if (!isUnauthenticated(error)) {
        // Offline or a server error: the session may still be good; keep it and try again soon.
        schedule(RETRY_AFTER_NETWORK_ERROR_MS);
        throw error;
      }
      // Another tab may have rotated the token between our read and the API's answer.
      const latest = saved.read();
      if (!retried && latest && latest.refreshToken !== stored.refreshToken && latest.accountId === stored.accountId) {
        return refreshWith(latest, true);
      }
      clear('expired');
      return null;
    }
    // The old refresh token is spent: keep the new one before anything else can fail.
    saved.write({ refreshToken: result.session.refreshToken, accountId: result.session.viewer.account.id });
    setSession(await withViewerUnits(result));
    return accessToken;
  }

  /**
   * Exchanges the refresh token for a new pair (the old refresh token stops working).
   * Concurrent callers share one request. Resolves to the new access token, or null when
   * the session is over; rejects when the API could not be reached.
   */
  function refresh(): Promise<string | null> {
    refreshing ??= lock(async () => {
      // Read inside the lock: a tab that refreshed just before us has stored the rotated token.
      const stored = saved.read();
      if (!stored) {
        clear('expired');
        return null;
      }
      return refreshWith(stored, false);
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  /** Tries the saved session once; every navigation waits for this before deciding. */
  function restore(): Promise<void> {
    restoring ??= (async () => {
      if (!saved.read()) {
        status.value = 'signedOut';
        return;
      }
      try {
        await refresh();
        restoreFailed.value = false;
      } catch {
        // Unreachable API at start-up: show the login page, keep the token for the next navigation to try.
        clearTimeout(timer);
        status.value = 'signedOut';
        restoreFailed.value = true;
        restoring = null;
      }
    })();
    return restoring;
  }

  async function login(username: string, password: string): Promise<Viewer> {
    const result = await withViewerUnits(await api.login(username, password));
    // Signing in over a session ends it first, so its cached data goes with it.
    if (status.value === 'signedIn') clear('logout');
    setSession(result);
    restoreFailed.value = false;
    restoring = Promise.resolve();
    return result.session.viewer;
  }

  /** Ends the session here at once, then asks the API to revoke it; an unreachable API cannot keep anyone signed in. */
  async function logout(): Promise<void> {
    const refreshToken = saved.read()?.refreshToken ?? null;
    const token = accessToken;
    clear('logout');
    try {
      await api.logout(refreshToken, token);
    } catch {
      // The refresh token is gone from this device; on the server it expires by itself.
    }
  }

  /** The access token for a request, refreshed first when it is about to expire. */
  async function getAccessToken(): Promise<string | null> {
    if (refreshing) return refreshing.catch(() => accessToken);
    if (accessToken && now() >= expiresAt - EXPIRY_MARGIN_MS) return refresh().catch(() => accessToken);
    return accessToken;
  }

  /** Another tab signed out or in as someone else: follow it, never mix two people's data. */
  function onStorageChange(key: string | null, newValue: string | null) {
    if (key !== null && key !== SESSION_STORAGE_KEY) return;
    const next = parseStoredSession(newValue);
    const current = viewer.value?.account.id;
    if (next && next.accountId === current) return; // a rotation by the other tab
    if (status.value === 'signedIn') {
      clearTimeout(timer);
      accessToken = null;
      viewer.value = null;
      status.value = 'signedOut';
      tokenListeners.forEach((listener) => listener(null));
      signOutListeners.forEach((listener) => listener('logout'));
    }
    if (next) {
      restoring = null;
      void restore();
    }
  }

  return {
    status: readonly(status),
    viewer: computed(() => viewer.value),
    signedIn: computed(() => status.value === 'signedIn'),
    restoreFailed: readonly(restoreFailed),
    restore,
    login,
    logout,
    refresh,
    getAccessToken,
    onStorageChange,
    /** Called with the new access token (or null) after every login, refresh and sign-out. */
    onTokenChange(listener: (token: string | null) => void) {
      tokenListeners.add(listener);
      return () => tokenListeners.delete(listener);
    },
    /** Called once when a session ends, whatever ended it. */
    onSignOut(listener: (reason: SignOutReason) => void) {
      signOutListeners.add(listener);
      return () => signOutListeners.delete(listener);
    },
  };
}

export type Auth = ReturnType<typeof createAuth>;

/** Serialises refreshes across tabs where the browser has Web Locks; elsewhere runs the task directly. */
export function browserLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  // request() resolves to what the callback's promise resolves to.
  return locks ? (locks.request('gan-bo.refresh-session', task) as unknown as Promise<T>) : task();
}

export const authKey: InjectionKey<Auth> = Symbol('auth');

export function useAuth(): Auth {
  const auth = inject(authKey);
  if (!auth) throw new Error('useAuth() needs createAuth() provided under authKey');
  return auth;
}
