import type { GraphQLFormattedError } from 'graphql';

/**
 * Codes the API sends in `extensions.code` (server/src/graphql/errors.ts) that a form can put in
 * words; each has a sentence under `domainError.<CODE>`.
 */
export const KNOWN_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'HOUSEHOLD_ALREADY_ASSIGNED',
  'MEMBER_EXEMPT',
  'ASSIGNMENT_MODE_MISMATCH',
  'HOUSEHOLD_OUTSIDE_MEMBER_COMMUNE',
  'ASSIGNMENT_ALREADY_ENDED',
  'MEMBER_HAS_ACTIVE_ASSIGNMENTS',
  'VISIT_IN_FUTURE',
  'VISIT_ASSIGNMENT_MISMATCH',
  'VISIT_NEEDS_HOUSEHOLD',
  'VISIT_NEEDS_CELL',
  'FEEDBACK_INVALID_TRANSITION',
  'FEEDBACK_ALREADY_AT_TOP_LEVEL',
  'FEEDBACK_LEVEL_DOWN',
  'CLASSIFICATION_LOCKED',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'QUERY_TIMEOUT',
  'INTERNAL_SERVER_ERROR',
] as const;

export type KnownCode = (typeof KNOWN_CODES)[number];

/** A refused or failed write, ready for a form: the sentence to show and the input field it belongs to. */
export interface MutationProblem {
  /** i18n key of the sentence. */
  key: string;
  /** The API's code; `OFFLINE` when no answer came back, `FAILED` for anything unexpected. */
  code: KnownCode | 'OFFLINE' | 'FAILED';
  /** Input field the API named (`memberId`, `feedback.0.content`), without the `input.` wrapper. */
  field: string | null;
  /** The API's own bilingual message, kept for the unexpected cases only. */
  detail?: string;
}

interface ErrorLike {
  graphQLErrors?: readonly GraphQLFormattedError[];
  networkError?: (Error & { statusCode?: number; result?: unknown }) | null;
}

const known = new Set<string>(KNOWN_CODES);

/** The errors of a GraphQL answer that came back with an HTTP error status (e.g. 429 with a body). */
function networkResultErrors(networkError: ErrorLike['networkError']): readonly GraphQLFormattedError[] {
  const result = networkError?.result as { errors?: GraphQLFormattedError[] } | undefined;
  return Array.isArray(result?.errors) ? result.errors : [];
}

/** Turns what Apollo threw for a mutation into words for the form. */
export function mutationProblem(error: unknown): MutationProblem {
  const like = (error ?? {}) as ErrorLike;
  const errors = like.graphQLErrors?.length ? like.graphQLErrors : networkResultErrors(like.networkError);
  const first = errors[0];
  if (first) {
    const code = String(first.extensions?.code ?? '');
    const rawField = first.extensions?.field;
    const field = typeof rawField === 'string' && rawField ? rawField.replace(/^input\./, '') : null;
    if (known.has(code)) {
      // An unexpected BAD_USER_INPUT keeps the server's explanation (which constraint, which length).
      const detail = code === 'BAD_USER_INPUT' || code === 'INTERNAL_SERVER_ERROR' ? first.message : undefined;
      return { key: `domainError.${code}`, code: code as KnownCode, field, ...(detail ? { detail } : {}) };
    }
    return { key: 'domainError.FAILED', code: 'FAILED', field, detail: errors.map((e) => e.message).join('; ') };
  }
  const network = like.networkError ?? (error instanceof TypeError ? error : null);
  if (network && typeof (network as { statusCode?: unknown }).statusCode !== 'number') {
    return { key: 'domainError.OFFLINE', code: 'OFFLINE', field: null };
  }
  const status = (network as { statusCode?: number } | null)?.statusCode;
  return { key: 'domainError.FAILED', code: 'FAILED', field: null, ...(status ? { detail: `HTTP ${status}` } : {}) };
}

/** Whether the problem belongs to `field` or to one of its parts (`feedback` owns `feedback.0.content`). */
export function problemAt(problem: MutationProblem | null | undefined, field: string): boolean {
  if (!problem?.field) return false;
  return problem.field === field || problem.field.startsWith(`${field}.`);
}
