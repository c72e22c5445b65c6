import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveRefresh } from './live-refresh';

describe('createLiveRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('refetches once for a burst of events', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createLiveRefresh(refresh, { delayMs: 400, now: () => Date.now() });
    live.onEvent();
    live.onEvent();
    await vi.advanceTimersByTimeAsync(300);
    live.onEvent();
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(400);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('ignores the echo of our own write, then listens again', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createLiveRefresh(refresh, { delayMs: 400, quietMs: 1500, now: () => Date.now() });
    await live.ownWrite(async () => {
      live.onEvent(); // the event our write caused, arriving before its answer
    });
    live.onEvent(); // or just after
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1000);
    live.onEvent(); // someone else, later
    await vi.advanceTimersByTimeAsync(400);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('stops a pending refetch when the page goes away', async () => {
    const refresh = vi.fn(async () => undefined);
    const live = createLiveRefresh(refresh);
    live.onEvent();
    live.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
