import { Kind, TypeInfo, isAbstractType, visit, visitWithTypeInfo, type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { EntityName } from '@mikro-orm/core';
import type DataLoader from 'dataloader';
import type { Scope } from '../auth/scope.js';
import { ALONG, type RowMapper } from './rows.js';
import { Assignment } from '../modules/assignment/assignment.entity.js';
import { Cell } from '../modules/cell/cell.entity.js';
import { Household } from '../modules/household/household.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Visit } from '../modules/visit/visit.entity.js';

/**
 * A field whose value a resolver reads through a per-request loader, described so that the
 * statement loading its parent rows can fetch it along (look-ahead), within the same scope:
 * - `one`: the row whose id is the parent's `parentColumn` (a reference: household_id → household);
 * - `many`: the rows whose `column` is the parent's id, in `order` (a member's assignments);
 * - `latest`: the first of those in `order` (a household's last visit).
 * The fetched rows prime the loader, so the resolver finds them without a statement.
 */
export interface Relation {
  kind: 'one' | 'many' | 'latest';
  table: string;
  entity: EntityName<object>;
  /** The per-request loader the field resolver reads (loaders.ts), keyed by `parentColumn`'s value. */
  loader: string;
  parentColumn: string;
  column: string;
  order?: string;
  /** GraphQL type of the related rows, to look further down. */
  type: string;
}

const NEWEST_FIRST = 'started_on desc, id desc';
const LATEST_VISIT = 'visited_on desc, id desc';

/** The relations fetched along, by `Type.field`: the same loaders, scope and order as their resolvers. */
export const RELATIONS: Record<string, Relation> = {
  'Assignment.household': { kind: 'one', table: 'household', entity: Household, loader: 'household', parentColumn: 'household_id', column: 'id', type: 'Household' },
  'Assignment.member': { kind: 'one', table: 'member', entity: Member, loader: 'member', parentColumn: 'member_id', column: 'id', type: 'Member' },
  'Assignment.lastVisit': { kind: 'latest', table: 'visit', entity: Visit, loader: 'assignmentLastVisit', parentColumn: 'id', column: 'assignment_id', order: LATEST_VISIT, type: 'Visit' },
  'Member.assignments': { kind: 'many', table: 'assignment', entity: Assignment, loader: 'memberAssignments', parentColumn: 'id', column: 'member_id', order: NEWEST_FIRST, type: 'Assignment' },
  'Member.cell': { kind: 'one', table: 'cell', entity: Cell, loader: 'cell', parentColumn: 'cell_id', column: 'id', type: 'Cell' },
  'Household.lastVisit': { kind: 'latest', table: 'visit', entity: Visit, loader: 'householdLastVisit', parentColumn: 'id', column: 'household_id', order: LATEST_VISIT, type: 'Visit' },
  'Household.activeAssignment': { kind: 'many', table: 'assignment', entity: Assignment, loader: 'householdAssignments', parentColumn: 'id', column: 'household_id', order: NEWEST_FIRST, type: 'Assignment' },
  'Household.assignments': { kind: 'many', table: 'assignment', entity: Assignment, loader: 'householdAssignments', parentColumn: 'id', column: 'household_id', order: NEWEST_FIRST, type: 'Assignment' },
  'Household.cell': { kind: 'one', table: 'cell', entity: Cell, loader: 'cell', parentColumn: 'cell_id', column: 'id', type: 'Cell' },
  'Visit.household': { kind: 'one', table: 'household', entity: Household, loader: 'household', parentColumn: 'household_id', column: 'id', type: 'Household' },
};

/**
 * What a field reads of rows beyond its property's own column (field resolvers and getters), per
 * GraphQL type: `Household.activeAssignment` reads the household's id and its assignments'
 * `ended_on`. Every field resolver and getter of a type fetched along is listed here or is a
 * relation (prefetch.test.ts checks it against type-graphql's metadata); any other field is its
 * entity property's column.
 */
export const NEEDS: Record<string, Record<string, string[]>> = {
  'Household.location': { Household: ['lat', 'lng'] },
  'Household.isPriority': { Household: ['priority_flags', 'poverty_status'] },
  'Household.activeAssignment': { Household: ['id'], Assignment: ['ended_on'] },
  'Household.assignments': { Household: ['id'] },
  'Household.povertyHistory': { Household: ['id'] },
  'Household.lastVisit': { Household: ['id'] },
  'Household.visits': { Household: ['id'] },
  'Household.group': { Household: ['group_id'] },
  'Member.assignments': { Member: ['id'], Assignment: ['ended_on'] },
  'Member.residenceCell': { Member: ['residence_cell_id'] },
  'Assignment.lastVisit': { Assignment: ['id'] },
  'Assignment.dueOn': { Assignment: ['ended_on', 'due_on'] },
  'Assignment.daysOverdue': { Assignment: ['ended_on', 'due_on'] },
  'Assignment.active': { Assignment: ['ended_on'] },
  'Visit.cell': { Visit: ['cell_id'] },
  'Visit.assignment': { Visit: ['assignment_id'] },
  'Visit.recordedBy': { Visit: ['recorded_by_member_id'] },
  'Visit.participants': { Visit: ['id'] },
  'Visit.feedback': { Visit: ['id'] },
  'Cell.territorial': { Cell: ['kind'] },
  'Cell.committee': { Cell: ['committee_id'] },
  'Cell.members': { Cell: ['id'] },
  'Cell.households': { Cell: ['id'] },
};

/** GraphQL field names selected on each object type anywhere in an operation (fragments included); null outside queries. */
export type Selected = ReadonlyMap<string, ReadonlySet<string>>;

const selectedByOperation = new WeakMap<OperationDefinitionNode, Selected>();

/**
 * Every field the operation selects, by the object type it is selected on (a field of an
 * interface counts for each implementation). Related rows fetched along are projected to the
 * columns these fields read, and every row a loader holds in a request was fetched for one of
 * them: a household fetched along under one field and read again under another (or by id)
 * carries the columns of both.
 */
function selectedIn(info: GraphQLResolveInfo): Selected {
  const known = selectedByOperation.get(info.operation);
  if (known) return known;
  const selected = new Map<string, Set<string>>();
  const typeInfo = new TypeInfo(info.schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const parent = typeInfo.getParentType();
      if (!parent) return;
      const types = isAbstractType(parent) ? info.schema.getPossibleTypes(parent) : [parent];
      for (const type of types) {
        const fields = selected.get(type.name) ?? new Set<string>();
        fields.add(node.name.value);
        selected.set(type.name, fields);
      }
    },
  });
  visit(info.operation, visitor);
  for (const fragment of Object.values(info.fragments)) visit(fragment, visitor);
  selectedByOperation.set(info.operation, selected);
  return selected;
}

/** A relation to fetch along, with what to fetch along with it in turn. */
export interface Include {
  relation: Relation;
  children: Include[];
  /** The operation's fields by type (projection of the related rows); null: whole rows (mutations, subscriptions). */
  selected: Selected | null;
}

const projections = new WeakMap<Selected, Map<string, string[] | null>>();

/**
 * The columns of `type`'s rows that the operation's fields read (id always), or null for whole
 * rows when a selected field's columns are not known.
 */
export function projectionOf(mapper: RowMapper, relation: Relation, selected: Selected | null): string[] | null {
  if (!selected) return null;
  let byType = projections.get(selected);
  if (!byType) projections.set(selected, (byType = new Map()));
  const type = relation.type;
  if (byType.has(type)) return byType.get(type)!;
  const columns = new Set<string>(['id']);
  let whole = false;
  for (const field of selected.get(type) ?? []) {
    const key = `${type}.${field}`;
    if (field === '__typename' || NEEDS[key]) continue;
    const related = RELATIONS[key];
    const column = related ? related.parentColumn : mapper.columnOf(relation.entity, field);
    if (!column) {
      whole = true;
      break;
    }
    columns.add(column);
  }
  // What fields of any type read of this type's rows (their own included).
  for (const [other, fields] of selected) {
    for (const field of fields) NEEDS[`${other}.${field}`]?.[type]?.forEach((column) => columns.add(column));
  }
  const projection = whole ? null : [...columns];
  byType.set(type, projection);
  return projection;
}

/** How far down one statement looks (a member → assignments → household → last visit is 3). */
const MAX_DEPTH = 3;

type Selections = Map<string, SelectionSetNode[]>;

/** The fields selected in these selection sets (fragments merged), with their own selection sets. */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): Selections {
  const fields: Selections = new Map();
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const list = fields.get(s.name.value) ?? [];
        if (s.selectionSet) list.push(s.selectionSet);
        fields.set(s.name.value, list);
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  sets.forEach(visit);
  return fields;
}

function build(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[], type: string, depth: number): Include[] {
  if (depth >= MAX_DEPTH) return [];
  const selected = info.operation.operation === 'query' ? selectedIn(info) : null;
  // Two fields read through one loader (activeAssignment, assignments) are fetched once.
  const byLoader = new Map<string, { relation: Relation; sets: SelectionSetNode[] }>();
  for (const [name, childSets] of fieldsOf(info, sets)) {
    const relation = RELATIONS[`${type}.${name}`];
    if (!relation) continue;
    const entry = byLoader.get(relation.loader) ?? { relation, sets: [] };
    entry.sets.push(...childSets);
    byLoader.set(relation.loader, entry);
  }
  return [...byLoader.values()].map(({ relation, sets: childSets }) => ({ relation, children: build(info, childSets, relation.type, depth + 1), selected }));
}

const planned = new WeakMap<readonly FieldNode[], Map<string, Include[]>>();

/**
 * What the field being resolved selects below its rows of `type` that can be fetched along; for a
 * connection, below `nodes` and `edges.node`. Worked out once per field of a document.
 */
export function includesOf(info: GraphQLResolveInfo, type: string, connection: boolean): Include[] {
  const key = `${type}:${connection}`;
  let byType = planned.get(info.fieldNodes);
  const known = byType?.get(key);
  if (known) return known;
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  if (connection) {
    const fields = fieldsOf(info, sets);
    sets = [...(fields.get('nodes') ?? []), ...(fieldsOf(info, fields.get('edges') ?? []).get('node') ?? [])];
  }
  const includes = build(info, sets, type, 0);
  if (!byType) planned.set(info.fieldNodes, (byType = new Map()));
  byType.set(key, includes);
  return includes;
}

/** A stable text of what is included, part of a loader's batch and cache keys. */
export const includeKey = (includes: readonly Include[]): string =>
  includes.map((i) => `${i.relation.loader}${i.selected ? '' : '*'}(${includeKey(i.children)})`).join(',');

const column = (include: Include) => `gb_inc_${include.relation.loader}`;

/**
 * SQL to splice into a statement over rows aliased `alias`: `select` goes at the end of the select
 * list's columns before any later `?` (with its `params` there), `from` right after the rows' FROM item. Each related row is selected
 * with its table's scope predicate and access, as its loader would, and comes back as JSON.
 * The parent's columns reach the subqueries through a lateral alias, since each subquery names
 * its own table `t` too (the scope predicates are written on `t`).
 */
export function includeSql(scope: Scope, mapper: RowMapper, includes: readonly Include[], alias = 't', depth = 1): { select: string; from: string; params: unknown[] } {
  if (includes.length === 0) return { select: '', from: '', params: [] };
  const parent = `gb_p${depth}`;
  const columns = [...new Set(includes.map((i) => i.relation.parentColumn))];
  const params: unknown[] = [];
  const select = includes.map((include) => {
    const r = include.relation;
    const access = scope.access(r.table);
    const visible = scope.visible(r.table);
    const nested = includeSql(scope, mapper, include.children, 't', depth + 1);
    params.push(...access.params, ...nested.params, ...visible.params);
    // The columns the operation reads (projectionOf), or the whole row.
    const projection = projectionOf(mapper, r, include.selected);
    // A list's rows keep the columns they are ordered by (json_agg orders the projected rows).
    const orderColumns = r.kind === 'many' ? r.order!.split(',').map((part) => part.trim().split(' ')[0]) : [];
    const columns = projection ? [...new Set([...projection, ...orderColumns])].map((c) => `t.${c}`).join(', ') : 't.*';
    const rows = `select ${columns}, ${access.sql} as gb_access${nested.select} from ${r.table} t${nested.from}
      where t.${r.column} = ${parent}.${r.parentColumn} and ${visible.sql}`;
    const order = (alias: string) => r.order!.split(',').map((part) => `${alias}.${part.trim()}`).join(', ');
    const json = r.kind === 'one' ? `(select row_to_json(x) from (${rows}) x)`
      : r.kind === 'latest' ? `(select row_to_json(x) from (${rows} order by ${order('t')} limit 1) x)`
      : `(select coalesce(json_agg(x order by ${order('x')}), '[]'::json) from (${rows}) x)`;
    return `, ${json} as "${column(include)}"`;
  }).join('');
  return { select, from: ` cross join lateral (select ${columns.map((c) => `${alias}.${c}`).join(', ')}) ${parent}`, params };
}

type AnyLoader = DataLoader<number, unknown>;

/**
 * Primes the loaders with the related rows fetched along with `rows` (and theirs, in turn), and
 * keeps each row's related value on the row itself (copied to its mapped object), so the field
 * resolver answers it at once instead of through a loader's promise (`alongOr`).
 */
export function primeIncludes(loaders: object, mapper: RowMapper, includes: readonly Include[], rows: readonly Record<string, unknown>[]): void {
  for (const include of includes) {
    const r = include.relation;
    const loader = (loaders as Record<string, AnyLoader>)[r.loader];
    const name = column(include);
    for (const row of rows) {
      // Never read a missing column as "no related rows".
      if (!(name in row)) throw new Error(`statement did not fetch ${name}`);
      const key = row[r.parentColumn];
      if (key == null) continue;
      const value = row[name] as Record<string, unknown> | Record<string, unknown>[] | null;
      const related = value == null ? [] : Array.isArray(value) ? value : [value];
      primeIncludes(loaders, mapper, include.children, related);
      const mapped = related.map((child) => mapper.map(r.entity, child));
      const result = r.kind === 'many' ? mapped : mapped[0] ?? null;
      loader.prime(Number(key), result);
      const along = ((row as Record<symbol, Record<string, unknown> | undefined>)[ALONG] ??= {});
      along[r.loader] = result;
    }
  }
}

/**
 * The related value fetched along with `parent` for the relation read through `loader` (null: no
 * related row, or one outside the viewer's scope, as the loader would answer), at once; else the
 * loader's answer. `then` shapes it (a list filtered, an element picked) either way.
 */
export function alongOr<T>(parent: object, loader: string, load: () => Promise<T>): T | Promise<T>;
export function alongOr<T, R>(parent: object, loader: string, load: () => Promise<T>, then: (value: T) => R): R | Promise<R>;
export function alongOr<T, R>(parent: object, loader: string, load: () => Promise<T>, then?: (value: T) => R): T | R | Promise<T | R> {
  const value = (parent as Record<symbol, Record<string, T> | undefined>)[ALONG]?.[loader];
  if (value !== undefined) return then ? then(value) : value;
  return then ? load().then(then) : load();
}
