/**
 * Turns live events (a subscription saying "something changed here") into refetches of a page:
 * a burst of events costs one refetch, and the event our own write causes costs none, because the
 * write already refetched. Every refetch is priced against the viewer's budget per minute, so this
 * is what keeps a busy cell secretary from running out.
 */
export function createLiveRefresh(
  refresh: () => Promise<unknown>,
  { delayMs = 400, quietMs = 1500, now = Date.now }: { delayMs?: number; quietMs?: number; now?: () => number } = {},
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing = 0;
  let quietUntil = 0;

  return {
    /** A change was announced: refetch once things settle, unless it is the echo of our own write. */
    onEvent() {
      if (writing > 0 || now() < quietUntil) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void refresh().catch(() => undefined);
      }, delayMs);
    },
    /** Runs our own write and the refetch after it; events until shortly after are its echo. */
    async ownWrite<T>(write: () => Promise<T>): Promise<T> {
      writing += 1;
      try {
        return await write();
      } finally {
        writing -= 1;
        quietUntil = now() + quietMs;
      }
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
