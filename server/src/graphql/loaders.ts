import DataLoader from 'dataloader';
import { BY_KEY, type SqlRunner } from '../db/pools.js';
import type { EntityName } from '@mikro-orm/core';
import { Committee } from '../modules/committee/committee.entity.js';
import { Cell } from '../modules/cell/cell.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Household, HouseholdGroup, HouseholdPoverty } from '../modules/household/household.entity.js';
import { Assignment } from '../modules/assignment/assignment.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';
import { Feedback, FeedbackEvent } from '../modules/feedback/feedback.entity.js';
import { groupBy, intArray } from './sql.js';
import type { PageWindow } from './connection.js';
import type { Scope } from '../auth/scope.js';
import type { RowMapper } from './rows.js';
import { includeKey, includeSql, primeIncludes, type Include } from './prefetch.js';
import { toAccount, type AccountRow } from '../modules/account/account.mapping.js';
import type { Account } from '../modules/account/account.types.js';

/** The visit policy in force for a committee: its own, or its nearest ancestor's, or the default. */
export interface EffectivePolicy {
  committeeId: number;
  regularIntervalDays: number;
  nonRegularIntervalDays: number;
  /** Committee whose policy applies; null for the system default. */
  sourceCommitteeId: number | null;
}

/** Monthly at least: the seeds' rule when no committee sets a shorter interval. */
export const DEFAULT_INTERVAL_DAYS = 30;

const fkOf = (row: object, column: string) => Number((row as Record<string, unknown>)[column]);

/** Rows of `table` (alias t) matching `where`, restricted to the viewer's scope, each with its access level. */
async function scopedRows(env: Env, table: string, where: string, params: unknown[], tail = ''): Promise<Record<string, unknown>[]> {
  const access = env.scope.access(table);
  const visible = env.scope.visible(table);
  return env.db.execute<Record<string, unknown>[]>(
    `select t.*, ${access.sql} as gb_access from ${table} t where ${where} and ${visible.sql} ${tail}`,
    [...access.params, ...params, ...visible.params],
    BY_KEY,
  );
}

interface Env {
  /** Where the request's reads go (see context.ts). */
  db: SqlRunner;
  scope: Scope;
  rows: RowMapper;
  /** The loaders themselves, primed with rows fetched along (prefetch.ts). */
  loaders: object;
}

function byId<T extends { id: number }>(env: Env, entity: EntityName<T>, table: string) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await scopedRows(env, table, 't.id = any(?::int[])', [intArray(ids)]);
    const map = new Map(rows.map((row) => [Number(row.id), env.rows.map(entity, row)]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** All rows whose `column` is one of the keys, one statement per batch. */
function allBy<T extends object>(env: Env, entity: EntityName<T>, table: string, column: string, order = 't.id') {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await scopedRows(env, table, `t.${column} = any(?::int[])`, [intArray(keys)], `order by ${order}`);
    const grouped = groupBy(keys, rows, (row) => fkOf(row, column));
    return grouped.map((group) => group.map((row) => env.rows.map(entity, row)));
  });
}

/** The newest row per key (DISTINCT ON), e.g. the last visit of each household. */
function latestBy<T extends object>(env: Env, entity: EntityName<T>, table: string, column: string, order: string) {
  return new DataLoader<number, T | null>(async (keys) => {
    const access = env.scope.access(table);
    const visible = env.scope.visible(table);
    const rows = await env.db.execute<Record<string, unknown>[]>(
      `select distinct on (t.${column}) t.*, ${access.sql} as gb_access from ${table} t
        where t.${column} = any(?::int[]) and ${visible.sql} order by t.${column}, ${order}`,
      [...access.params, intArray(keys), ...visible.params],
      BY_KEY,
    );
    const map = new Map(rows.map((row) => [fkOf(row, column), env.rows.map(entity, row)]));
    return keys.map((key) => map.get(key) ?? null);
  });
}

interface PagedKey {
  parentId: number;
  window: PageWindow;
  /** Extra condition on `t`, fixed per loader use (e.g. a status filter), part of the cache key. */
  filter?: { sql: string; params: unknown[] };
  /** Related rows to fetch along with each child (what the query selects below them). */
  include?: Include[];
}

/**
 * One page of children for each parent (cell → members, committee → cells…), however many
 * parents are in the batch: a window function numbers the rows per parent.
 */
function pagedChildren<T extends object>(env: Env, entity: EntityName<T>, table: string, column: string) {
  return new DataLoader<PagedKey, T[], string>(
    async (keys) => {
      const results = new Map<string, T[]>();
      const groups = new Map<string, PagedKey[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.window, key.filter ?? null, includeKey(key.include ?? [])]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      for (const group of groups.values()) {
        const { window, filter, include = [] } = group[0];
        const parentIds = group.map((key) => key.parentId);
        const conds = [`t.${column} = any(?::int[])`];
        const params: unknown[] = [intArray(parentIds)];
        if (window.afterId !== undefined) {
          conds.push('t.id > ?');
          params.push(window.afterId);
        }
        if (filter) {
          conds.push(filter.sql);
          params.push(...filter.params);
        }
        const visible = env.scope.visible(table);
        const access = env.scope.access(table);
        conds.push(visible.sql);
        // Related rows are selected outside the window, for the rows of the page only.
        const along = includeSql(env.scope, env.rows, include, 'x');
        const rows = await env.db.execute<Record<string, unknown>[]>(
          `select x.*${along.select} from (select t.*, ${access.sql} as gb_access, row_number() over (partition by t.${column} order by t.id) as gb_rn
             from ${table} t where ${conds.join(' and ')}) x${along.from} where x.gb_rn <= ? order by x.id`,
          [...along.params, ...access.params, ...params, ...visible.params, window.limit + 1],
          BY_KEY,
        );
        primeIncludes(env.loaders, env.rows, include, rows);
        const grouped = groupBy(parentIds, rows, (row) => fkOf(row, column));
        group.forEach((key, i) => {
          // The mapper reads the entity's columns (not gb_rn) and what was fetched along.
          results.set(pagedKey(key), grouped[i].map((row) => env.rows.map(entity, row)));
        });
      }
      return keys.map((key) => results.get(pagedKey(key)) ?? []);
    },
    { cacheKeyFn: pagedKey },
  );
}

const pagedKey = (key: PagedKey) => JSON.stringify([key.parentId, key.window, key.filter ?? null, includeKey(key.include ?? [])]);

/** Row counts per parent, for `totalCount` of nested connections. */
function countBy(env: Env, table: string, column: string) {
  return new DataLoader<{ parentId: number; filter?: PagedKey['filter'] }, number, string>(
    async (keys) => {
      const results = new Map<string, number>();
      const groups = new Map<string, typeof keys[number][]>();
      for (const key of keys) {
        const groupKey = JSON.stringify(key.filter ?? null);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      for (const group of groups.values()) {
        const filter = group[0].filter;
        const visible = env.scope.visible(table);
        const rows = await env.db.execute<{ parent: number; n: number }[]>(
          `select t.${column} as parent, count(*)::int as n from ${table} t
            where t.${column} = any(?::int[]) ${filter ? `and ${filter.sql}` : ''} and ${visible.sql} group by t.${column}`,
          [intArray(group.map((key) => key.parentId)), ...(filter?.params ?? []), ...visible.params],
          BY_KEY,
        );
        const counts = new Map(rows.map((row) => [Number(row.parent), row.n]));
        for (const key of group) results.set(countKey(key), counts.get(key.parentId) ?? 0);
      }
      return keys.map((key) => results.get(countKey(key)) ?? 0);
    },
    { cacheKeyFn: countKey },
  );
}

const countKey = (key: { parentId: number; filter?: PagedKey['filter'] }) => JSON.stringify([key.parentId, key.filter ?? null]);

function effectivePolicies(env: Env) {
  return new DataLoader<number, EffectivePolicy>(async (committeeIds) => {
    const rows = await env.db.execute<{ id: number; regular: number | null; non_regular: number | null; source: number | null }[]>(
      `select c.id, p.regular_interval_days as regular, p.non_regular_interval_days as non_regular, p.committee_id as source
         from committee c
         left join lateral (
           select vp.* from visit_policy vp join committee a on a.id = vp.committee_id
            where c.path like a.path || '%' order by a.depth desc limit 1
         ) p on true
        where c.id = any(?::int[])`,
      [intArray(committeeIds)],
      BY_KEY,
    );
    const map = new Map(rows.map((row) => [row.id, row]));
    return committeeIds.map((id) => {
      const row = map.get(id);
      return {
        committeeId: id,
        regularIntervalDays: row?.regular ?? DEFAULT_INTERVAL_DAYS,
        nonRegularIntervalDays: row?.non_regular ?? DEFAULT_INTERVAL_DAYS,
        sourceCommitteeId: row?.source ?? null,
      };
    });
  });
}

/** An object whose properties are built on first use: a request pays only for the loaders it uses. */
function lazy<T extends Record<string, () => unknown>>(factories: T): { [K in keyof T]: ReturnType<T[K]> } {
  const loaders = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const [key, make] of Object.entries(factories)) {
    Object.defineProperty(loaders, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = make();
        Object.defineProperty(loaders, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return loaders;
}

/** Per-request DataLoaders: every nested field is batched into one statement per level, within the viewer's scope. */
export function createLoaders(db: SqlRunner, scope: Scope, rows: RowMapper) {
  const env: Env = { db, scope, rows, loaders: {} };
  const loaders = lazy({
    committee: () => byId(env, Committee, 'committee'),
    committeeChildren: () => allBy(env, Committee, 'committee', 'parent_id', 't.name, t.id'),
    committeeCells: () => pagedChildren(env, Cell, 'cell', 'committee_id'),
    committeeCellCount: () => countBy(env, 'cell', 'committee_id'),
    visitPolicy: () => effectivePolicies(env),
    cell: () => byId(env, Cell, 'cell'),
    cellMembers: () => pagedChildren(env, Member, 'member', 'cell_id'),
    cellMemberCount: () => countBy(env, 'member', 'cell_id'),
    cellHouseholds: () => pagedChildren(env, Household, 'household', 'cell_id'),
    cellHouseholdCount: () => countBy(env, 'household', 'cell_id'),
    member: () => byId(env, Member, 'member'),
    memberAssignments: () => allBy(env, Assignment, 'assignment', 'member_id', 't.started_on desc, t.id desc'),
    household: () => byId(env, Household, 'household'),
    householdGroup: () => byId(env, HouseholdGroup, 'household_group'),
    /** Committee of a household's cell: not personal data, so not scoped (visit policies hang on it). */
    householdCommittee: () => new DataLoader<number, number>(async (ids) => {
      const rows = await db.execute<{ id: number; committee_id: number }[]>(
        'select h.id, c.committee_id from household h join cell c on c.id = h.cell_id where h.id = any(?::int[])', [intArray(ids)], BY_KEY);
      const map = new Map(rows.map((r) => [r.id, r.committee_id]));
      return ids.map((id) => map.get(id) ?? new Error(`household ${id} not found`));
    }),
    householdAssignments: () => allBy(env, Assignment, 'assignment', 'household_id', 't.started_on desc, t.id desc'),
    householdPoverty: () => allBy(env, HouseholdPoverty, 'household_poverty', 'household_id', 't.valid_from'),
    householdLastVisit: () => latestBy(env, Visit, 'visit', 'household_id', 't.visited_on desc, t.id desc'),
    householdVisits: () => pagedChildren(env, Visit, 'visit', 'household_id'),
    householdVisitCount: () => countBy(env, 'visit', 'household_id'),
    assignment: () => byId(env, Assignment, 'assignment'),
    assignmentLastVisit: () => latestBy(env, Visit, 'visit', 'assignment_id', 't.visited_on desc, t.id desc'),
    visit: () => byId(env, Visit, 'visit'),
    visitParticipants: () => new DataLoader<number, Member[]>(async (visitIds) => {
      const found = await scopedRows(env, 'member', 't.id in (select member_id from visit_participant where visit_id = any(?::int[]))',
        [intArray(visitIds)]);
      const members = new Map(found.map((row) => [Number(row.id), env.rows.map(Member, row)]));
      const links = await db.execute<{ visit_id: number; member_id: number }[]>(
        'select visit_id, member_id from visit_participant where visit_id = any(?::int[]) order by member_id', [intArray(visitIds)], BY_KEY);
      return groupBy(visitIds, links, (link) => link.visit_id).map((group) =>
        group.map((link) => members.get(link.member_id)).filter((m): m is Member => !!m));
    }),
    visitFeedback: () => allBy(env, Feedback, 'feedback', 'visit_id'),
    feedback: () => byId(env, Feedback, 'feedback'),
    feedbackEvents: () => allBy(env, FeedbackEvent, 'feedback_event', 'feedback_id', 't.at, t.id'),
    /** Sign-in name and display name of accounts (owners of shared saved queries): not personal data beyond that. */
    account: () => new DataLoader<number, Account | null>(async (ids) => {
      const rows = await db.execute<AccountRow[]>(
        'select id, username, display_name, disabled_at, member_id from account where id = any(?::int[])', [intArray(ids)], BY_KEY);
      const map = new Map(rows.map((row) => [row.id, toAccount(row)]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  });
  env.loaders = loaders;
  return loaders;
}

export type Loaders = ReturnType<typeof createLoaders>;
