import {
  GraphQLError, Kind, getNullableType, isListType,
  type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { Role } from '../auth/viewer.js';
import type { Scope } from '../auth/scope.js';

/** What one request may cost, per role; `GB_LIMITS` (JSON) overrides any of it per role. */
export interface Limits {
  /** Cost points of one operation (see estimateCost). */
  maxCost: number;
  /** Nesting of fields, introspection excluded. */
  maxDepth: number;
  /** Largest `first` of any connection. */
  maxPageSize: number;
  /** PostgreSQL statement_timeout of each statement of the request. */
  statementTimeoutMs: number;
  /** Cost points an account may spend per minute, over all its requests. */
  budgetPerMinute: number;
  /** Only saved queries may run (an operator's allow-list for the role). */
  savedQueriesOnly: boolean;
}

export const DEFAULT_LIMITS: Record<Role | 'anonymous', Limits> = {
  [Role.COMMITTEE_STAFF]: { maxCost: 20_000, maxDepth: 12, maxPageSize: 200, statementTimeoutMs: 10_000, budgetPerMinute: 200_000, savedQueriesOnly: false },
  [Role.CELL_SECRETARY]: { maxCost: 10_000, maxDepth: 10, maxPageSize: 100, statementTimeoutMs: 5_000, budgetPerMinute: 100_000, savedQueriesOnly: false },
  [Role.MEMBER]: { maxCost: 5_000, maxDepth: 10, maxPageSize: 100, statementTimeoutMs: 5_000, budgetPerMinute: 50_000, savedQueriesOnly: false },
  [Role.ANALYST]: { maxCost: 10_000, maxDepth: 10, maxPageSize: 500, statementTimeoutMs: 15_000, budgetPerMinute: 50_000, savedQueriesOnly: false },
  [Role.ADMIN]: { maxCost: 5_000, maxDepth: 10, maxPageSize: 100, statementTimeoutMs: 5_000, budgetPerMinute: 50_000, savedQueriesOnly: false },
  anonymous: { maxCost: 500, maxDepth: 8, maxPageSize: 0, statementTimeoutMs: 2_000, budgetPerMinute: 0, savedQueriesOnly: false },
};

export function loadLimits(env: NodeJS.ProcessEnv = process.env): Record<Role | 'anonymous', Limits> {
  if (!env.GB_LIMITS) return DEFAULT_LIMITS;
  const overrides = JSON.parse(env.GB_LIMITS) as Partial<Record<Role | 'anonymous', Partial<Limits>>>;
  const unknown = Object.keys(overrides).filter((role) => !(role in DEFAULT_LIMITS));
  if (unknown.length) throw new Error(`GB_LIMITS: unknown role ${unknown.join(', ')}; use ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
  return Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([role, limits]) =>
    [role, { ...limits, ...overrides[role as Role] }])) as Record<Role | 'anonymous', Limits>;
}

/** A person with several roles gets the most generous of each limit; saved-queries-only only if every role is. */
export function limitsFor(scope: Scope, table: Record<Role | 'anonymous', Limits>): Limits {
  const roles = [...new Set(scope.viewer?.bindings.map((b) => b.role) ?? [])];
  if (roles.length === 0) return table.anonymous;
  const all = roles.map((role) => table[role]);
  return {
    maxCost: Math.max(...all.map((l) => l.maxCost)),
    maxDepth: Math.max(...all.map((l) => l.maxDepth)),
    maxPageSize: Math.max(...all.map((l) => l.maxPageSize)),
    statementTimeoutMs: Math.max(...all.map((l) => l.statementTimeoutMs)),
    budgetPerMinute: Math.max(...all.map((l) => l.budgetPerMinute)),
    savedQueriesOnly: all.every((l) => l.savedQueriesOnly),
  };
}

/** Lists without `first` (children, assignments of a member…) are priced as this many items. */
const UNBOUNDED_LIST = 10;

/**
 * Cost of a field: 1 plus its children, times the page size for a connection (`first`), or
 * times UNBOUNDED_LIST for a plain list. The `nodes`/`edges` of a connection are not multiplied
 * again. Every `first` above the role's maximum page size is reported.
 */
const estimator = (maxPageSize: number, tooLarge: { first: number }[]): ComplexityEstimator => ({ type, field, args, childComplexity }) => {
  const children = Math.max(1, childComplexity);
  if (typeof args.first === 'number') {
    if (args.first > maxPageSize) tooLarge.push({ first: args.first });
    return 1 + Math.max(1, args.first) * children;
  }
  if (type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges')) return children;
  if (isListType(getNullableType(field.type))) return 1 + UNBOUNDED_LIST * children;
  return 1 + childComplexity;
};

export interface Assessment {
  cost: number;
  depth: number;
}

/** Assessments of documents already priced, by operation, variables and limits (Apollo keeps one DocumentNode per query text). */
const assessed = new WeakMap<DocumentNode, Map<string, Assessment>>();
/** Variable sets remembered per document: beyond, the map starts again (a client paging through ids, say). */
const ASSESSED_PER_DOCUMENT = 200;

/**
 * Prices and measures an operation before it runs; throws the refusal a client can act on. The
 * price of a document with the same variables under the same limits is worked out once.
 */
export function assess(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, limits: Limits): Assessment {
  const key = JSON.stringify([operationName ?? null, limits.maxDepth, limits.maxPageSize, limits.maxCost, variables]);
  let byKey = assessed.get(document);
  const known = byKey?.get(key);
  if (known) return known;
  const assessment = assessOnce(schema, document, operationName, variables, limits);
  if (!byKey || byKey.size >= ASSESSED_PER_DOCUMENT) assessed.set(document, (byKey = new Map()));
  byKey.set(key, assessment);
  return assessment;
}

function assessOnce(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, limits: Limits): Assessment {
  const depth = operationDepth(document, operationName);
  if (depth > limits.maxDepth) {
    throw refusal('QUERY_TOO_DEEP', `Truy vấn lồng quá sâu / Query too deep: ${depth} > ${limits.maxDepth}`, { depth, maximum: limits.maxDepth });
  }
  const tooLarge: { first: number }[] = [];
  let cost: number;
  try {
    cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator(limits.maxPageSize, tooLarge)] });
  } catch (error) {
    // Variables that do not fit the operation: the client's mistake, said as execution would say it.
    throw refusal('BAD_USER_INPUT', (error as Error).message);
  }
  if (tooLarge.length) {
    throw refusal('PAGE_SIZE_TOO_LARGE', `Trang quá lớn / Page too large: first ≤ ${limits.maxPageSize}`, { field: 'first', maximum: limits.maxPageSize, requested: Math.max(...tooLarge.map((t) => t.first)) });
  }
  if (cost > limits.maxCost) {
    throw refusal('QUERY_TOO_COSTLY', `Truy vấn quá tốn kém / Query too costly: ${cost} > ${limits.maxCost} điểm`, { cost, maximum: limits.maxCost });
  }
  return { cost, depth };
}

export function refusal(code: string, message: string, extensions: Record<string, unknown> = {}, status = 400): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

/** Deepest field nesting of the operation, following fragments; introspection does not count. */
export function operationDepth(document: DocumentNode, operationName?: string): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return 0;
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, depthOf(s.selectionSet, seen));
      } else if (!seen.has(s.name.value)) {
        max = Math.max(max, depthOf(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value])));
      }
    }
    return max;
  };
  return depthOf(operation.selectionSet, new Set());
}

