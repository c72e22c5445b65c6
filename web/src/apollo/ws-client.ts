import { createClient, type Client, type ClientOptions } from 'graphql-ws';

export interface RestartableClient extends Client {
  /** Reconnects an open socket, so the server sees fresh `connectionParams`; subscriptions resume on the new one. */
  restart(): void;
}

/**
 * graphql-ws's restartable-client recipe: the access token is checked when the socket connects,
 * so a new token needs a new connection. Without a socket there is nothing to do, the next
 * connect reads the new token anyway; a socket still connecting is restarted as soon as it opens.
 */
export function createRestartableClient(options: ClientOptions): RestartableClient {
  let socket: WebSocket | null = null;
  let connecting = false;
  let restartRequested = false;
  const close = (ws: WebSocket) => ws.close(4205, 'Client Restart');
  const client = createClient({
    ...options,
    on: {
      ...options.on,
      connecting: (...args) => {
        connecting = true;
        options.on?.connecting?.(...args);
      },
      opened: (opened, ...rest) => {
        connecting = false;
        socket = opened as WebSocket;
        options.on?.opened?.(opened, ...rest);
        if (restartRequested) {
          restartRequested = false;
          close(socket);
        }
      },
      closed: (...args) => {
        connecting = false;
        socket = null;
        options.on?.closed?.(...args);
      },
    },
  });
  return {
    ...client,
    restart() {
      if (socket && socket.readyState === socket.OPEN) close(socket);
      else if (connecting) restartRequested = true;
    },
  };
}
