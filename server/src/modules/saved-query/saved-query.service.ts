import { parse, validate, type GraphQLSchema } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../graphql/context.js';
import { badInput, notFound } from '../../graphql/errors.js';
import { parseId, parseOptionalId } from '../../graphql/ids.js';
import { inTransaction } from '../../graphql/transaction.js';
import { pageWindow, toPage, type Page, type PageArgs } from '../../graphql/connection.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { forbidden } from '../../auth/schema-policy.js';
import type { Viewer } from '../../auth/viewer.js';
import type { SaveQueryInput, SavedQuery } from './saved-query.types.js';

interface Row {
  id: number;
  owner_account_id: number;
  shared_with_committee_id: number | null;
  name: string;
  document: string;
  variables: Record<string, unknown> | null;
  updated_at: string;
}

/** Paths of the units a viewer is bound to (and of the member's cells): a query shared above any of them is theirs to run. */
const viewerPaths = (viewer: Viewer) =>
  `{${[...viewer.bindings.map((b) => b.path).filter(Boolean), ...viewer.memberPaths].map((p) => `"${p}"`).join(',')}}`;

/** Own saved queries, and those shared with a committee the viewer is bound to or inside of. */
const RUNNABLE = `(q.owner_account_id = ? or exists (
  select 1 from committee k where k.id = q.shared_with_committee_id
     and exists (select 1 from unnest(?::text[]) p where p like k.path || '%')))`;

const toSavedQuery = (row: Row, viewer: Viewer): SavedQuery => ({
  id: row.id, name: row.name, document: row.document, variables: row.variables, mine: row.owner_account_id === viewer.accountId,
  updatedAt: new Date(row.updated_at), ownerAccountId: row.owner_account_id, sharedWithCommitteeId: row.shared_with_committee_id,
});

export async function listSavedQueries(ctx: Context, args: PageArgs): Promise<Page<SavedQuery>> {
  const viewer = ctx.viewer!;
  const window = pageWindow(args);
  const params = [viewer.accountId, viewerPaths(viewer)];
  const rows = await ctx.em.execute<Row[]>(
    `select q.* from saved_query q where ${RUNNABLE} ${window.afterId ? 'and q.id > ?' : ''} order by q.id limit ?`,
    [...params, ...(window.afterId ? [window.afterId] : []), window.limit + 1]);
  return toPage(rows.map((r) => toSavedQuery(r, viewer)), window, async () =>
    (await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from saved_query q where ${RUNNABLE}`, params))[0].n);
}

/** The document of a saved query the viewer may run, or null. Used before execution, for `extensions.savedQueryId`. */
export async function runnableDocument(em: EntityManager, viewer: Viewer, id: number): Promise<{ document: string; variables: Record<string, unknown> | null } | null> {
  const [row] = await em.execute<Row[]>(`select q.* from saved_query q where q.id = ? and ${RUNNABLE}`, [id, viewer.accountId, viewerPaths(viewer)]);
  return row ? { document: row.document, variables: row.variables } : null;
}

export async function saveQuery(ctx: Context, schema: GraphQLSchema, input: SaveQueryInput): Promise<SavedQuery> {
  const viewer = ctx.viewer!;
  if (ctx.limits.savedQueriesOnly) throw forbidden('your role runs saved queries only');
  let document;
  try {
    document = parse(input.document);
  } catch (error) {
    throw badInput('document', (error as Error).message);
  }
  const invalid = validate(schema, document);
  if (invalid.length) throw badInput('document', invalid[0].message);
  const id = parseOptionalId(input.id, 'id');
  const committeeId = parseOptionalId(input.sharedWithCommitteeId, 'sharedWithCommitteeId');
  if (committeeId) {
    const committee = await visibleOrNotFound(ctx.loaders.committee.load(committeeId), 'sharedWithCommitteeId');
    const bound = [...viewer.bindings.map((b) => b.path), ...viewer.memberPaths].some((p) => p?.startsWith(committee.path));
    if (!bound) throw forbidden('share with a unit you belong to');
  }
  const row = await inTransaction(ctx, async (em) => {
    if (id) {
      const [updated] = await em.execute<Row[]>(
        `update saved_query set name = ?, document = ?, variables = ?::jsonb, shared_with_committee_id = ?, updated_at = now()
          where id = ? and owner_account_id = ? returning *`,
        [input.name.trim(), input.document, input.variables ? JSON.stringify(input.variables) : null, committeeId ?? null, id, viewer.accountId]);
      if (!updated) throw notFound('id');
      return updated;
    }
    const [created] = await em.execute<Row[]>(
      `insert into saved_query (owner_account_id, shared_with_committee_id, name, document, variables) values (?, ?, ?, ?, ?::jsonb) returning *`,
      [viewer.accountId, committeeId ?? null, input.name.trim(), input.document, input.variables ? JSON.stringify(input.variables) : null]);
    return created;
  });
  return toSavedQuery(row, viewer);
}

export async function deleteSavedQuery(ctx: Context, idArg: string): Promise<boolean> {
  const id = parseId(idArg, 'id');
  const deleted = await inTransaction(ctx, (em) =>
    em.execute('delete from saved_query where id = ? and owner_account_id = ? returning id', [id, ctx.viewer!.accountId]));
  if (deleted.length === 0) throw notFound('id');
  return true;
}
