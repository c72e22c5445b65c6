/** What the explorer keeps of a person's work across reloads of this tab. */
export interface ExplorerDraft {
  query: string;
  variables: string;
  /** The saved query the editor was loaded from, if any. */
  savedQueryId: string | null;
}

type DraftStorage = Pick<Storage, 'getItem' | 'setItem'>;

const key = (accountId: string) => `gan-bo.explorer.${accountId}`;

/**
 * Per account and per tab (sessionStorage): a reload keeps the query being written, the next
 * person to sign in on this computer never sees it, and closing the tab forgets it.
 */
export function createDraftStore(storage: DraftStorage | null, accountId: string) {
  return {
    read(): ExplorerDraft | null {
      try {
        const raw = storage?.getItem(key(accountId));
        const parsed = raw ? (JSON.parse(raw) as Partial<ExplorerDraft>) : null;
        if (!parsed || typeof parsed.query !== 'string') return null;
        return {
          query: parsed.query,
          variables: typeof parsed.variables === 'string' ? parsed.variables : '',
          savedQueryId: typeof parsed.savedQueryId === 'string' ? parsed.savedQueryId : null,
        };
      } catch {
        return null;
      }
    },
    write(draft: ExplorerDraft) {
      try {
        storage?.setItem(key(accountId), JSON.stringify(draft));
      } catch {
        // Storage full or blocked: the draft lives as long as the page.
      }
    },
  };
}

/** `sessionStorage` throws on access when the browser blocks site data. */
export function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
