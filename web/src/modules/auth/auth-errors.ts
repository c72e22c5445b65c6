import type { GraphQLFormattedError } from 'graphql';

/** A GraphQL answer with errors, or an HTTP failure, from the session calls made outside Apollo. */
export class AuthApiError extends Error {
  constructor(
    readonly errors: readonly GraphQLFormattedError[],
    /** HTTP status when the answer was not a GraphQL result. */
    readonly status: number | null = null,
    /** `Retry-After` of a 429 from a proxy in front of the API, in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(errors.map((error) => error.message).join('; ') || `HTTP ${status}`);
    this.name = 'AuthApiError';
  }
}

interface ErrorLike {
  graphQLErrors?: readonly GraphQLFormattedError[];
  errors?: readonly GraphQLFormattedError[];
  networkError?: (Error & { statusCode?: number }) | null;
}

/** The GraphQL errors of an AuthApiError, an ApolloError or a plain result. */
function graphQLErrors(error: unknown): readonly GraphQLFormattedError[] {
  if (!error || typeof error !== 'object') return [];
  const { graphQLErrors: apollo, errors } = error as ErrorLike;
  return apollo?.length ? apollo : (errors ?? []);
}

function httpStatus(error: unknown): number | null {
  if (error instanceof AuthApiError) return error.status;
  const network = (error as ErrorLike | null)?.networkError;
  return network && typeof network.statusCode === 'number' ? network.statusCode : null;
}

export function errorCodes(error: unknown): string[] {
  return graphQLErrors(error).map((e) => String(e.extensions?.code ?? ''));
}

/** The API no longer accepts the token: a GraphQL UNAUTHENTICATED error, or HTTP 401 from anything in between. */
export function isUnauthenticated(error: unknown): boolean {
  return errorCodes(error).includes('UNAUTHENTICATED') || httpStatus(error) === 401;
}

/** No answer at all: fetch rejected (offline, DNS, refused), or Apollo's network error without a status. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  const network = (error as ErrorLike | null)?.networkError;
  return !!network && typeof network.statusCode !== 'number';
}

/** What the login and password forms tell the user: an i18n key, its values, and the field to mark. */
export interface AuthProblem {
  key: string;
  values?: Record<string, string | number>;
  /** The API's own message (Vietnamese / English), shown under the sentence when it says more. */
  detail?: string;
  field?: 'username' | 'password' | 'currentPassword' | 'newPassword';
}

/** Whole minutes to wait, never "0 minutes": 61 s is 2 minutes. */
export function waitMinutes(seconds: number | null | undefined): number {
  return Math.max(1, Math.ceil((Number(seconds) || 60) / 60));
}

/** Turns a failed login or password change into words; unknown errors keep the API's own bilingual message. */
export function authProblem(error: unknown): AuthProblem {
  const errors = graphQLErrors(error);
  const first = errors[0];
  const code = String(first?.extensions?.code ?? '');
  const field = first?.extensions?.field;
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return field === 'currentPassword'
        ? { key: 'auth.errors.wrongCurrentPassword', field: 'currentPassword' }
        : { key: 'auth.errors.invalidCredentials', field: 'password' };
    case 'RATE_LIMITED':
      return { key: 'auth.errors.rateLimited', values: { minutes: waitMinutes(first?.extensions?.retryAfterSeconds as number | undefined) } };
    case 'ACCOUNT_DISABLED':
      return { key: 'auth.errors.accountDisabled' };
    case 'UNAUTHENTICATED':
      return { key: 'auth.errors.sessionExpired' };
    case 'WEAK_PASSWORD':
      return { key: 'auth.errors.invalidNewPassword', detail: first.message, field: 'newPassword' };
    case 'BAD_USER_INPUT':
      if (field === 'newPassword') return { key: 'auth.errors.invalidNewPassword', detail: first.message, field: 'newPassword' };
  }
  const status = httpStatus(error);
  if (status === 429) {
    return { key: 'auth.errors.rateLimited', values: { minutes: waitMinutes(error instanceof AuthApiError ? error.retryAfterSeconds : null) } };
  }
  if (!errors.length && isUnreachable(error)) return { key: 'auth.errors.offline' };
  const detail = errors.map((e) => e.message).join('; ') || (status ? `HTTP ${status}` : '');
  return detail ? { key: 'auth.errors.failed', detail } : { key: 'auth.errors.failed' };
}
