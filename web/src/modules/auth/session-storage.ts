/** The part of `Storage` a saved session needs; injectable so tests and private browsing can stand in. */
export type AuthStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What survives a reload: the refresh token and the account it belongs to, never the access token. */
export interface StoredSession {
  refreshToken: string;
  accountId: string;
}

/**
 * The refresh token is kept in localStorage under this one key, with the account it belongs to.
 * A deliberate trade-off: the API hands the token to script (no httpOnly cookie), and storing it
 * lets a reload or a second tab keep the session for its 30 days; the price is that script injected
 * into the page could read it, so the access token, which opens the data, stays in memory only
 * and lives 15 minutes, and logout revokes the refresh token on the server.
 */
export const SESSION_STORAGE_KEY = 'gan-bo.session';

export function parseStoredSession(raw: string | null | undefined): StoredSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredSession>;
    return typeof value.refreshToken === 'string' && typeof value.accountId === 'string'
      ? { refreshToken: value.refreshToken, accountId: value.accountId }
      : null;
  } catch {
    return null;
  }
}

/** Reads and writes the saved session; where the browser refuses storage, it lasts for this page only. */
export function createSessionStorage(storage: AuthStorage | null) {
  let memory: StoredSession | null = null;
  return {
    read(): StoredSession | null {
      try {
        const saved = parseStoredSession(storage?.getItem(SESSION_STORAGE_KEY));
        if (saved) return saved;
      } catch {
        // storage refused: fall back to memory
      }
      return memory;
    },
    write(value: StoredSession | null) {
      memory = value;
      try {
        if (value) storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(value));
        else storage?.removeItem(SESSION_STORAGE_KEY);
      } catch {
        // private browsing or a full quota: memory keeps it
      }
    },
  };
}
