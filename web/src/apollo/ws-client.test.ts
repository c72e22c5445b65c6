import { describe, expect, it } from 'vitest';
import { createRestartableClient } from './ws-client';

/** A graphql-ws server in miniature: acknowledges every connection and records what it was sent. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static sockets: FakeSocket[] = [];
  readonly OPEN = 1;
  readonly protocol = 'graphql-transport-ws';
  readyState = 0;
  sent: { type: string; payload?: unknown }[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;

  constructor() {
    FakeSocket.sockets.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    });
  }

  send(data: string) {
    const message = JSON.parse(data) as { type: string; payload?: unknown };
    this.sent.push(message);
    if (message.type === 'connection_init') setTimeout(() => this.onmessage?.({ data: JSON.stringify({ type: 'connection_ack' }) }));
  }

  close(code: number, reason: string) {
    this.closedWith = code;
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason, wasClean: true }));
  }
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('createRestartableClient', () => {
  it('reconnects with the new token when restarted, and the subscription carries on', async () => {
    FakeSocket.sockets = [];
    let token = 'access-1';
    const client = createRestartableClient({
      url: 'ws://localhost/graphql',
      lazy: true,
      retryWait: async () => undefined,
      connectionParams: () => ({ authorization: `Bearer ${token}` }),
      webSocketImpl: FakeSocket,
    });
    const dispose = client.subscribe({ query: 'subscription { visitRecorded { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    await until(() => FakeSocket.sockets[0]?.sent.some((m) => m.type === 'subscribe') ?? false);
    expect(FakeSocket.sockets[0].sent[0]).toEqual({ type: 'connection_init', payload: { authorization: 'Bearer access-1' } });

    token = 'access-2';
    client.restart();
    expect(FakeSocket.sockets[0].closedWith).toBe(4205);
    await until(() => FakeSocket.sockets[1]?.sent.some((m) => m.type === 'subscribe') ?? false);
    expect(FakeSocket.sockets[1].sent[0]).toEqual({ type: 'connection_init', payload: { authorization: 'Bearer access-2' } });

    dispose();
    await client.dispose();
  });

  it('does nothing without a socket: the next connection reads the token anyway', () => {
    FakeSocket.sockets = [];
    const client = createRestartableClient({ url: 'ws://localhost/graphql', lazy: true, webSocketImpl: FakeSocket });
    client.restart();
    expect(FakeSocket.sockets).toHaveLength(0);
  });
});
