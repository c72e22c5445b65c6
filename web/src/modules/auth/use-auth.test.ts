import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthApiError } from './auth-errors';
import { SESSION_STORAGE_KEY, type AuthStorage } from './session-storage';
import { createAuth, REFRESH_AHEAD_MS, RETRY_AFTER_NETWORK_ERROR_MS, type AuthApi, type Viewer } from './use-auth';

const MINUTE = 60_000;
const ACCESS_LIFETIME = 15 * MINUTE;

const district = { id: '2', name: 'Huyện Tương Dương', kind: 'DISTRICT' as const };
const viewer = (id = '7', committee: typeof district | null = district): Viewer => ({
  account: { id, username: 'huyen.tuongduong', displayName: 'Văn phòng Huyện ủy Tương Dương', member: null },
  roles: [{ role: 'COMMITTEE_STAFF', committee, cell: null }],
});

const unauthenticated = () => new AuthApiError([{ message: 'Chưa đăng nhập / Not signed in', extensions: { code: 'UNAUTHENTICATED' } }]);

/**
 * An API stand-in that behaves like the contract: 15-minute access tokens, refresh tokens
 * rotated on every use (the old one stops working), logout revoking the refresh token.
 */
function fakeApi({ serverClockOffset = 0 } = {}) {
  let issued = 0;
  const live = new Set<string>();
  const calls = { login: 0, refresh: [] as string[], viewer: [] as string[], logout: [] as [string | null, string | null][] };
  const accessTokens = new Map<string, string>();
  let failNextRefresh: Error | null = null;
  const issue = (accountId = '7') => {
    issued += 1;
    const refreshToken = `refresh-${issued}`;
    live.add(refreshToken);
    const serverNow = Date.now() + serverClockOffset;
    accessTokens.set(`access-${issued}`, accountId);
    return {
      session: {
        accessToken: `access-${issued}`,
        accessTokenExpiresAt: new Date(serverNow + ACCESS_LIFETIME).toISOString(),
        refreshToken,
        // As the server answers today: the binding's unit is out of the anonymous login request's scope.
        viewer: viewer(accountId, null),
      },
      serverTime: serverNow,
    };
  };
  const api: AuthApi = {
    async login(_username, password) {
      calls.login += 1;
      if (password !== 'gan-bo-demo') {
        throw new AuthApiError([{ message: 'Sai / Wrong', extensions: { code: 'INVALID_CREDENTIALS', field: 'password' } }]);
      }
      return issue();
    },
    async refresh(refreshToken) {
      calls.refresh.push(refreshToken);
      if (failNextRefresh) {
        const error = failNextRefresh;
        failNextRefresh = null;
        throw error;
      }
      if (!live.delete(refreshToken)) throw unauthenticated();
      return issue();
    },
    async viewer(accessToken) {
      calls.viewer.push(accessToken);
      const accountId = accessTokens.get(accessToken);
      return accountId ? viewer(accountId) : null;
    },
    async logout(refreshToken, accessToken) {
      calls.logout.push([refreshToken, accessToken]);
      if (refreshToken) live.delete(refreshToken);
    },
  };
  return {
    api,
    calls,
    live,
    failNextRefreshWith: (error: Error) => {
      failNextRefresh = error;
    },
  };
}

function memoryStorage(): AuthStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

/** Lets the promise callbacks queued by a timer run. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-23T08:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createAuth: signing in', () => {
  it('keeps the access token in memory and only the refresh token, under one key, in storage', async () => {
    const { api } = fakeApi();
    const storage = memoryStorage();
    const auth = createAuth({ api, storage });
    await auth.restore();
    expect(auth.status.value).toBe('signedOut');

    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    expect(auth.status.value).toBe('signedIn');
    expect(auth.viewer.value?.account.displayName).toBe('Văn phòng Huyện ủy Tương Dương');
    expect(await auth.getAccessToken()).toBe('access-1');
    expect([...storage.data.keys()]).toEqual([SESSION_STORAGE_KEY]);
    const saved = storage.data.get(SESSION_STORAGE_KEY)!;
    expect(JSON.parse(saved)).toEqual({ refreshToken: 'refresh-1', accountId: '7' });
    expect(saved).not.toContain('access-1');
  });

  it('reads the viewer, with the units of its roles, under the new access token', async () => {
    const { api, calls } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    expect(calls.viewer).toEqual(['access-1']);
    expect(auth.viewer.value?.roles[0].committee?.name).toBe('Huyện Tương Dương');
  });

  it('keeps the viewer it had when reading it again fails during a refresh', async () => {
    const { api } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    api.viewer = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await auth.refresh()).toBe('access-2');
    expect(auth.viewer.value?.roles[0].committee?.name).toBe('Huyện Tương Dương');
  });

  it('stays signed out and stores nothing after a wrong password', async () => {
    const { api } = fakeApi();
    const storage = memoryStorage();
    const auth = createAuth({ api, storage });
    await auth.restore();
    await expect(auth.login('huyen.tuongduong', 'sai')).rejects.toBeInstanceOf(AuthApiError);
    expect(auth.status.value).toBe('signedOut');
    expect(storage.data.size).toBe(0);
  });
});

describe('createAuth: refreshing', () => {
  it('refreshes one minute before expiry, each time with the refresh token it was last given', async () => {
    const { api, calls } = fakeApi();
    const storage = memoryStorage();
    const tokens: (string | null)[] = [];
    const auth = createAuth({ api, storage });
    auth.onTokenChange((token) => tokens.push(token));
    await auth.login('huyen.tuongduong', 'gan-bo-demo');

    await vi.advanceTimersByTimeAsync(ACCESS_LIFETIME - REFRESH_AHEAD_MS - 1_000);
    expect(calls.refresh).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls.refresh).toEqual(['refresh-1']);
    expect(await auth.getAccessToken()).toBe('access-2');
    expect(JSON.parse(storage.data.get(SESSION_STORAGE_KEY)!).refreshToken).toBe('refresh-2');

    await vi.advanceTimersByTimeAsync(ACCESS_LIFETIME - REFRESH_AHEAD_MS);
    expect(calls.refresh).toEqual(['refresh-1', 'refresh-2']);
    expect(await auth.getAccessToken()).toBe('access-3');
    expect(tokens).toEqual(['access-1', 'access-2', 'access-3']);
    expect(auth.status.value).toBe('signedIn');
  });

  it('times the refresh on the server clock, so a phone whose clock runs 10 minutes fast does not refresh early', async () => {
    const { api, calls } = fakeApi({ serverClockOffset: -10 * MINUTE });
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    await vi.advanceTimersByTimeAsync(13 * MINUTE);
    expect(calls.refresh).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(calls.refresh).toEqual(['refresh-1']);
  });

  it('sends one refresh for callers that ask at the same time', async () => {
    const { api, calls } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    const [a, b] = await Promise.all([auth.refresh(), auth.refresh()]);
    expect(calls.refresh).toEqual(['refresh-1']);
    expect([a, b]).toEqual(['access-2', 'access-2']);
  });

  it('refreshes before handing out a token that expired while the device slept', async () => {
    const { api, calls } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    vi.setSystemTime(Date.now() + 20 * MINUTE); // the clock moved, the timer did not fire
    expect(await auth.getAccessToken()).toBe('access-2');
    expect(calls.refresh).toEqual(['refresh-1']);
  });

  it('ends the session when the API refuses the refresh token', async () => {
    const { api, live } = fakeApi();
    const storage = memoryStorage();
    const ended: string[] = [];
    const auth = createAuth({ api, storage });
    auth.onSignOut((reason) => ended.push(reason));
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    live.clear(); // revoked on the server, e.g. by an administrator

    expect(await auth.refresh()).toBeNull();
    expect(auth.status.value).toBe('signedOut');
    expect(auth.viewer.value).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    expect(storage.data.size).toBe(0);
    expect(ended).toEqual(['expired']);
  });

  it('keeps the session through a network failure and tries again 30 seconds later', async () => {
    const { api, calls, failNextRefreshWith } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    failNextRefreshWith(new TypeError('Failed to fetch'));

    await vi.advanceTimersByTimeAsync(ACCESS_LIFETIME - REFRESH_AHEAD_MS);
    expect(calls.refresh).toEqual(['refresh-1']);
    expect(auth.status.value).toBe('signedIn');

    await vi.advanceTimersByTimeAsync(RETRY_AFTER_NETWORK_ERROR_MS);
    expect(calls.refresh).toEqual(['refresh-1', 'refresh-1']);
    expect(await auth.getAccessToken()).toBe('access-2');
  });

  it('uses the token another tab rotated in the meantime instead of signing out', async () => {
    const { api, calls } = fakeApi();
    const storage = memoryStorage();
    const auth = createAuth({ api, storage });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    // The other tab spends refresh-1 while this tab's request with refresh-1 is on its way.
    const slowRefresh = api.refresh;
    api.refresh = async (token) => {
      const rotated = await slowRefresh(token);
      storage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ refreshToken: rotated.session.refreshToken, accountId: '7' }));
      api.refresh = slowRefresh;
      throw unauthenticated();
    };
    expect(await auth.refresh()).toBe('access-3');
    expect(calls.refresh).toEqual(['refresh-1', 'refresh-2']);
    expect(auth.status.value).toBe('signedIn');
  });
});

describe('createAuth: restoring and leaving', () => {
  it('restores the session after a reload from the saved refresh token alone', async () => {
    const { api, calls } = fakeApi();
    const storage = memoryStorage();
    await createAuth({ api, storage }).login('huyen.tuongduong', 'gan-bo-demo');

    const reloaded = createAuth({ api, storage });
    expect(reloaded.status.value).toBe('restoring');
    await reloaded.restore();
    expect(reloaded.status.value).toBe('signedIn');
    expect(reloaded.viewer.value?.account.id).toBe('7');
    expect(await reloaded.getAccessToken()).toBe('access-2');
    expect(calls.refresh).toEqual(['refresh-1']);
  });

  it('asks nothing of the API when no session was saved', async () => {
    const { api, calls } = fakeApi();
    const auth = createAuth({ api, storage: memoryStorage() });
    await auth.restore();
    expect(auth.status.value).toBe('signedOut');
    expect(calls.refresh).toEqual([]);
  });

  it('logout revokes the refresh token on the server, forgets both tokens and stops refreshing', async () => {
    const { api, calls, live } = fakeApi();
    const storage = memoryStorage();
    const events: string[] = [];
    const auth = createAuth({ api, storage });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    auth.onTokenChange((token) => events.push(`token:${token}`));
    auth.onSignOut((reason) => events.push(`signOut:${reason}`));

    await auth.logout();
    expect(calls.logout).toEqual([['refresh-1', 'access-1']]);
    expect(live.has('refresh-1')).toBe(false);
    expect(storage.data.size).toBe(0);
    expect(auth.status.value).toBe('signedOut');
    expect(auth.viewer.value).toBeNull();
    expect(await auth.getAccessToken()).toBeNull();
    expect(events).toEqual(['token:null', 'signOut:logout']);

    await vi.advanceTimersByTimeAsync(2 * ACCESS_LIFETIME);
    expect(calls.refresh).toEqual([]);
  });

  it('signs out on this device even when the API cannot be reached', async () => {
    const { api } = fakeApi();
    const storage = memoryStorage();
    const auth = createAuth({ api, storage });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    api.logout = () => Promise.reject(new TypeError('Failed to fetch'));
    await auth.logout();
    expect(auth.status.value).toBe('signedOut');
    expect(storage.data.size).toBe(0);
  });

  it('keeps the session for this page when the browser refuses storage', async () => {
    const { api, calls } = fakeApi();
    const refusing: AuthStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const auth = createAuth({ api, storage: refusing });
    await auth.login('huyen.tuongduong', 'gan-bo-demo');
    expect(await auth.refresh()).toBe('access-2');
    expect(calls.refresh).toEqual(['refresh-1']);
  });

  it('follows a logout in another tab, and ignores that tab rotating the token', async () => {
    const { api } = fakeApi();
    const storage = memoryStorage();
    const ended: string[] = [];
    const auth = createAuth({ api, storage });
    auth.onSignOut((reason) => ended.push(reason));
    await auth.login('huyen.tuongduong', 'gan-bo-demo');

    auth.onStorageChange(SESSION_STORAGE_KEY, JSON.stringify({ refreshToken: 'refresh-9', accountId: '7' }));
    expect(auth.status.value).toBe('signedIn');

    auth.onStorageChange(SESSION_STORAGE_KEY, null);
    await settle();
    expect(auth.status.value).toBe('signedOut');
    expect(ended).toEqual(['logout']);
  });
});
