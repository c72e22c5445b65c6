import { ApolloLink, Observable, type FetchResult, type ObservableSubscription, type Operation } from '@apollo/client/core';
import { isUnauthenticated } from './auth-errors';
import type { Auth } from './use-auth';

function withToken(operation: Operation, token: string | null) {
  operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => {
    const { authorization: _previous, ...rest } = headers;
    return { headers: token ? { ...rest, authorization: `Bearer ${token}` } : rest };
  });
}

/**
 * Puts `Authorization: Bearer <access token>` on every HTTP operation. When the API still answers
 * UNAUTHENTICATED (a token revoked or expired while the device slept), it refreshes once and sends
 * the operation again; a second refusal goes through to the page, and the session has ended.
 */
export function createAuthLink(auth: Pick<Auth, 'getAccessToken' | 'refresh'>): ApolloLink {
  return new ApolloLink(
    (operation, forward) =>
      new Observable<FetchResult>((observer) => {
        let subscription: ObservableSubscription | undefined;
        let closed = false;

        const send = (token: string | null, retried: boolean) => {
          if (closed) return;
          withToken(operation, token);
          let retrying = false;
          const retry = (original: () => void) => {
            retrying = true;
            subscription?.unsubscribe();
            auth.refresh().then(
              (fresh) => (fresh ? send(fresh, true) : original()),
              () => original(),
            );
          };
          subscription = forward(operation).subscribe({
            next: (result) => {
              if (retried || !token || !isUnauthenticated(result)) return observer.next(result);
              retry(() => {
                observer.next(result);
                observer.complete();
              });
            },
            error: (error) => {
              if (retried || !token || !isUnauthenticated(error)) return observer.error(error);
              retry(() => observer.error(error));
            },
            complete: () => {
              if (!retrying) observer.complete();
            },
          });
        };

        auth.getAccessToken().then(
          (token) => send(token, false),
          (error) => observer.error(error),
        );
        return () => {
          closed = true;
          subscription?.unsubscribe();
        };
      }),
  );
}
