import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { Committee } from '../modules/committee/committee.entity.js';
import { Cell } from '../modules/cell/cell.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Household, HouseholdGroup, HouseholdPoverty } from '../modules/household/household.entity.js';
import { Assignment } from '../modules/assignment/assignment.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';
import { Feedback, FeedbackEvent } from '../modules/feedback/feedback.entity.js';
import { findMapped, groupBy, intArray, mapRow } from './sql.js';
import type { PageWindow } from './connection.js';

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

function byId<T extends { id: number }>(em: EntityManager, entity: EntityName<T>, table: string) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await findMapped(em, entity, `select * from ${table} where id = any(?::int[])`, [intArray(ids)]);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** All rows whose `column` is one of the keys, one statement per batch. */
function allBy<T extends object>(em: EntityManager, entity: EntityName<T>, table: string, column: string, order = 'id') {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await em.execute<Record<string, unknown>[]>(
      `select * from ${table} where ${column} = any(?::int[]) order by ${order}`,
      [intArray(keys)],
    );
    const grouped = groupBy(keys, rows, (row) => fkOf(row, column));
    return grouped.map((group) => group.map((row) => mapRow(em, entity, row)));
  });
}

/** The newest row per key (DISTINCT ON), e.g. the last visit of each household. */
function latestBy<T extends object>(em: EntityManager, entity: EntityName<T>, table: string, column: string, order: string) {
  return new DataLoader<number, T | null>(async (keys) => {
    const rows = await em.execute<Record<string, unknown>[]>(
      `select distinct on (${column}) * from ${table} where ${column} = any(?::int[]) order by ${column}, ${order}`,
      [intArray(keys)],
    );
    const map = new Map(rows.map((row) => [fkOf(row, column), mapRow(em, entity, row)]));
    return keys.map((key) => map.get(key) ?? null);
  });
}

interface PagedKey {
  parentId: number;
  window: PageWindow;
  /** Extra condition on `t`, fixed per loader use (e.g. a status filter), part of the cache key. */
  filter?: { sql: string; params: unknown[] };
}

/**
 * One page of children for each parent (cell → members, committee → cells…), however many
 * parents are in the batch: a window function numbers the rows per parent.
 */
function pagedChildren<T extends object>(em: EntityManager, entity: EntityName<T>, table: string, column: string) {
  return new DataLoader<PagedKey, T[], string>(
    async (keys) => {
      const results = new Map<string, T[]>();
      const groups = new Map<string, PagedKey[]>();
      for (const key of keys) {
        const groupKey = JSON.stringify([key.window, key.filter ?? null]);
        groups.set(groupKey, [...(groups.get(groupKey) ?? []), key]);
      }
      for (const group of groups.values()) {
        const { window, filter } = group[0];
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
        params.push(window.limit + 1);
        const rows = await em.execute<Record<string, unknown>[]>(
          `select * from (select t.*, row_number() over (partition by t.${column} order by t.id) as gb_rn
             from ${table} t where ${conds.join(' and ')}) x where x.gb_rn <= ? order by x.id`,
          params,
        );
        const grouped = groupBy(parentIds, rows, (row) => fkOf(row, column));
        group.forEach((key, i) => {
          results.set(pagedKey(key), grouped[i].map(({ gb_rn: _rank, ...row }) => mapRow(em, entity, row)));
        });
      }
      return keys.map((key) => results.get(pagedKey(key)) ?? []);
    },
    { cacheKeyFn: pagedKey },
  );
}

const pagedKey = (key: PagedKey) => JSON.stringify([key.parentId, key.window, key.filter ?? null]);

/** Row counts per parent, for `totalCount` of nested connections. */
function countBy(em: EntityManager, table: string, column: string) {
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
        const rows = await em.execute<{ parent: number; n: number }[]>(
          `select t.${column} as parent, count(*)::int as n from ${table} t
            where t.${column} = any(?::int[]) ${filter ? `and ${filter.sql}` : ''} group by t.${column}`,
          [intArray(group.map((key) => key.parentId)), ...(filter?.params ?? [])],
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

function effectivePolicies(em: EntityManager) {
  return new DataLoader<number, EffectivePolicy>(async (committeeIds) => {
    const rows = await em.execute<{ id: number; regular: number | null; non_regular: number | null; source: number | null }[]>(
      `select c.id, p.regular_interval_days as regular, p.non_regular_interval_days as non_regular, p.committee_id as source
         from committee c
         left join lateral (
           select vp.* from visit_policy vp join committee a on a.id = vp.committee_id
            where c.path like a.path || '%' order by a.depth desc limit 1
         ) p on true
        where c.id = any(?::int[])`,
      [intArray(committeeIds)],
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

/** Per-request DataLoaders: every nested field is batched into one statement per level. */
export function createLoaders(em: EntityManager) {
  return {
    committee: byId(em, Committee, 'committee'),
    committeeChildren: allBy(em, Committee, 'committee', 'parent_id', 'name, id'),
    committeeCells: pagedChildren(em, Cell, 'cell', 'committee_id'),
    committeeCellCount: countBy(em, 'cell', 'committee_id'),
    visitPolicy: effectivePolicies(em),
    cell: byId(em, Cell, 'cell'),
    cellMembers: pagedChildren(em, Member, 'member', 'cell_id'),
    cellMemberCount: countBy(em, 'member', 'cell_id'),
    cellHouseholds: pagedChildren(em, Household, 'household', 'cell_id'),
    cellHouseholdCount: countBy(em, 'household', 'cell_id'),
    member: byId(em, Member, 'member'),
    memberAssignments: allBy(em, Assignment, 'assignment', 'member_id', 'started_on desc, id desc'),
    household: byId(em, Household, 'household'),
    householdGroup: byId(em, HouseholdGroup, 'household_group'),
    householdAssignments: allBy(em, Assignment, 'assignment', 'household_id', 'started_on desc, id desc'),
    householdPoverty: allBy(em, HouseholdPoverty, 'household_poverty', 'household_id', 'valid_from'),
    householdLastVisit: latestBy(em, Visit, 'visit', 'household_id', 'visited_on desc, id desc'),
    householdVisits: pagedChildren(em, Visit, 'visit', 'household_id'),
    householdVisitCount: countBy(em, 'visit', 'household_id'),
    assignment: byId(em, Assignment, 'assignment'),
    assignmentLastVisit: latestBy(em, Visit, 'visit', 'assignment_id', 'visited_on desc, id desc'),
    visit: byId(em, Visit, 'visit'),
    visitParticipants: new DataLoader<number, Member[]>(async (visitIds) => {
      const rows = await em.execute<(Record<string, unknown> & { visit_id: number })[]>(
        `select vp.visit_id, m.* from visit_participant vp join member m on m.id = vp.member_id
          where vp.visit_id = any(?::int[]) order by m.full_name, m.id`,
        [intArray(visitIds)],
      );
      return groupBy(visitIds, rows, (row) => Number(row.visit_id)).map((group) =>
        group.map(({ visit_id: _visit, ...row }) => mapRow(em, Member, row)),
      );
    }),
    visitFeedback: allBy(em, Feedback, 'feedback', 'visit_id'),
    feedback: byId(em, Feedback, 'feedback'),
    feedbackEvents: allBy(em, FeedbackEvent, 'feedback_event', 'feedback_id', 'at, id'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
