import type { GraphQLFormattedError } from 'graphql';

/** `extensions.cost` of an answer: the points this operation cost, the role's maximum, and the minute's budget. */
export interface QueryCost {
  requested: number;
  maximum: number;
  budget: { limit: number; remaining: number; resetsAt: string } | null;
}

/** A GraphQL answer as it came over HTTP. */
export interface GraphQLAnswer {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** What one request got back: the HTTP status (null when no answer came) and the JSON body, if it was one. */
export interface RunResponse {
  status: number | null;
  body: GraphQLAnswer | null;
}

/** A sentence for the person: an i18n key under `explorer.`, its values, and the API's own words when they add something. */
export interface Notice {
  key: string;
  values?: Record<string, string | number>;
  tone: 'info' | 'warning' | 'error';
  detail?: string;
}

export interface RunOutcome {
  cost: QueryCost | null;
  /** Refusal, error, or a warning about partial data. */
  problem: Notice | null;
  /** The server runs only saved queries for this viewer's role. */
  savedQueriesOnly: boolean;
  /** Fields the role may not read (`Member.fullName`): they came back null. */
  forbiddenFields: string[];
}

/** Points are whole numbers, grouped by non-breaking spaces in both languages (10 000), so 1.000 and 1,000 are never confused. */
export function formatPoints(value: number): string {
  const rounded = Math.round(value);
  const grouped = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0');
  return rounded < 0 ? `-${grouped}` : grouped;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

export function readCost(extensions: Record<string, unknown> | undefined): QueryCost | null {
  const cost = extensions?.cost as Partial<QueryCost> | undefined;
  const requested = num(cost?.requested);
  const maximum = num(cost?.maximum);
  if (requested === null || maximum === null) return null;
  const budget = cost?.budget;
  const limit = num(budget?.limit);
  const remaining = num(budget?.remaining);
  return {
    requested,
    maximum,
    budget: budget && limit !== null && remaining !== null ? { limit, remaining, resetsAt: String(budget.resetsAt ?? '') } : null,
  };
}

/** "Chi phí 412 / 10 000 · còn 9 588 điểm trong phút này". */
export function costNotice(cost: QueryCost): Notice {
  const values = { requested: formatPoints(cost.requested), maximum: formatPoints(cost.maximum) };
  return cost.budget
    ? { key: 'cost.withBudget', values: { ...values, remaining: formatPoints(cost.budget.remaining) }, tone: 'info' }
    : { key: 'cost.plain', values, tone: 'info' };
}

const INVALID = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND']);

/** The API's messages are "Vietnamese / English"; a refusal we explain ourselves needs none. */
const detailOf = (errors: readonly GraphQLFormattedError[]) => errors.map((error) => error.message).join('\n');

/** Turns one refusal into words with its figures; null when the code is not one the explorer explains. */
export function refusalNotice(error: GraphQLFormattedError): Notice | null {
  const ext = error.extensions ?? {};
  const figure = (key: string) => {
    const value = num(ext[key]);
    return value === null ? '?' : formatPoints(value);
  };
  switch (ext.code) {
    case 'QUERY_TOO_COSTLY':
      return { key: 'errors.tooCostly', values: { cost: figure('cost'), maximum: figure('maximum') }, tone: 'error' };
    case 'QUERY_TOO_DEEP':
      return { key: 'errors.tooDeep', values: { depth: figure('depth'), maximum: figure('maximum') }, tone: 'error' };
    case 'PAGE_SIZE_TOO_LARGE':
      return num(ext.requested) === null
        ? { key: 'errors.pageTooLarge', values: { field: String(ext.field ?? 'first'), maximum: figure('maximum') }, tone: 'error' }
        : { key: 'errors.pageTooLargeAsked', values: { field: String(ext.field ?? 'first'), maximum: figure('maximum'), requested: figure('requested') }, tone: 'error' };
    case 'RATE_LIMITED':
      return { key: 'errors.rateLimited', values: { seconds: Math.max(1, Math.ceil(num(ext.retryAfterSeconds) ?? 60)) }, tone: 'error' };
    case 'QUERY_TIMEOUT':
      return { key: 'errors.timeout', tone: 'error' };
    case 'SAVED_QUERIES_ONLY':
      return { key: 'errors.savedQueriesOnly', tone: 'warning' };
    case 'UNAUTHENTICATED':
      return { key: 'errors.unauthenticated', tone: 'error' };
    case 'NOT_FOUND':
      return ext.field === 'savedQueryId' ? { key: 'errors.savedQueryNotFound', tone: 'error' } : null;
  }
  return null;
}

/** What the page says after a run: the cost, and the refusal or errors in the viewer's language. */
export function runOutcome({ status, body }: RunResponse): RunOutcome {
  const cost = readCost(body?.extensions);
  const forbidden = body?.extensions?.forbiddenFields;
  const forbiddenFields = Array.isArray(forbidden)
    ? forbidden.flatMap((entry) => (typeof entry?.field === 'string' ? [entry.field as string] : []))
    : [];
  const errors = body?.errors ?? [];
  const savedQueriesOnly = errors.some((error) => error.extensions?.code === 'SAVED_QUERIES_ONLY');
  const outcome = (problem: Notice | null): RunOutcome => ({ cost, problem, savedQueriesOnly, forbiddenFields });

  if (!body) {
    if (status === null) return outcome({ key: 'errors.offline', tone: 'error' });
    return outcome({ key: 'errors.failed', tone: 'error', detail: `HTTP ${status}` });
  }
  if (!errors.length) return outcome(null);
  for (const error of errors) {
    const explained = refusalNotice(error);
    if (explained) return outcome(explained);
  }
  const detail = detailOf(errors);
  const codes = errors.map((error) => String(error.extensions?.code ?? ''));
  if (body.data !== null && body.data !== undefined) return outcome({ key: 'errors.partial', tone: 'warning', detail });
  if (codes.some((code) => INVALID.has(code))) return outcome({ key: 'errors.invalid', tone: 'error', detail });
  if (codes.includes('FORBIDDEN')) return outcome({ key: 'errors.forbidden', tone: 'error', detail });
  return outcome({ key: 'errors.failed', tone: 'error', detail });
}
