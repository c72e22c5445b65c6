import { Args, ArgsType, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { connectionOf, pageWindow, toPage } from '../../graphql/connection.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { cond, where, type Cond } from '../../graphql/sql.js';
import { subtreePrefix } from '../../graphql/subtree.js';
import { canAdminister } from '../../auth/policy.js';
import type { Context } from '../../graphql/context.js';

@ObjectType({ description: 'One write, as the database recorded it (nhật ký thay đổi).' })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier.' })
  id!: number;

  @Field({ description: 'When.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who: the account\'s sign-in name; null for system writes.' })
  actor!: string | null;

  @Field({ description: 'Table written, e.g. "assignment".' })
  tableName!: string;

  @Field(() => ID, { nullable: true, description: 'Id of the row written.' })
  rowId!: number | null;

  @Field({ description: 'insert, update or delete.' })
  operation!: string;

  @Field(() => JSONObjectResolver, { description: 'The row inserted or deleted, or for an update each changed column as [before, after].' })
  changes!: Record<string, unknown>;
}

@ObjectType('AuditEntryConnection', { description: 'A page of audit entries, newest first.' })
export class AuditEntryConnection extends connectionOf(AuditEntry, 'AuditEntry', 'audit entry') {}

@ArgsType()
class AuditLogArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'Writes in this committee subtree; all you may read when omitted.' })
  committeeId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only writes to this table.' })
  tableName?: string | null;
}

interface AuditRow {
  id: string;
  at: string;
  actor: string | null;
  table_name: string;
  row_id: string | null;
  operation: string;
  changes: Record<string, unknown>;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Who changed what, when: committee staff read their subtree; a global admin reads everything, including accounts.' })
  async auditLog(@Ctx() ctx: Context, @Args() args: AuditLogArgs): Promise<AuditEntryConnection> {
    const window = pageWindow(args);
    const prefixes = canAdminister(ctx.scope, null) ? null : [...ctx.scope.fullPrefixes, ...ctx.scope.adminPrefixes];
    const conds: Cond[] = [];
    if (prefixes) conds.push(cond('t.committee_path like any(?::text[])', `{${prefixes.map((p) => `"${p}"`).join(',')}}`));
    if (args.committeeId) conds.push(cond('t.committee_path like ?', await subtreePrefix(ctx, args.committeeId)));
    if (args.tableName) conds.push(cond('t.table_name = ?', args.tableName));
    const page = where(window.afterId ? [...conds, cond('t.id < ?', window.afterId)] : conds);
    const rows = await ctx.em.execute<AuditRow[]>(
      `select * from audit_log t where ${page.sql} order by t.id desc limit ?`, [...page.params, window.limit + 1]);
    const entries = rows.map((r) => ({
      id: Number(r.id), at: new Date(r.at), actor: r.actor, tableName: r.table_name,
      rowId: r.row_id === null ? null : Number(r.row_id), operation: r.operation, changes: r.changes,
    }));
    return toPage(entries, window, async () => {
      const all = where(conds);
      const [{ n }] = await ctx.em.execute<{ n: number }[]>(`select count(*)::int as n from audit_log t where ${all.sql}`, all.params);
      return n;
    });
  }
}
