import { GraphQLError, defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context.js';
import { FIELD_POLICY, OPERATION_POLICY, fieldRule, operationAllowed, type RootType } from './policy.js';

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** Every field of the schema that the policy table does not cover: must be empty (default deny). */
export function uncoveredFields(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      const covered = ROOTS.has(type.name)
        ? OPERATION_POLICY[type.name as RootType]?.[field] !== undefined
        : fieldRule(type.name, field) !== undefined;
      if (!covered) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}

export const unauthenticated = () =>
  new GraphQLError('Cần đăng nhập / Sign-in required', { extensions: { code: 'UNAUTHENTICATED' } });
export const forbidden = (detail?: string) =>
  new GraphQLError(`Không có quyền / Not allowed${detail ? `: ${detail}` : ''}`, { extensions: { code: 'FORBIDDEN' } });

/**
 * Applies the policy to the built schema once, at start: root fields check the operation rule
 * before resolving; restricted object fields check the row's access. Unrestricted fields keep
 * their resolver untouched, so the policy costs nothing on the hot path of plain data.
 */
export function applyPolicy(schema: GraphQLSchema): GraphQLSchema {
  const missing = uncoveredFields(schema);
  if (missing.length) throw new Error(`No authorization policy for: ${missing.join(', ')}`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, Context> = field.resolve ?? defaultFieldResolver;
      if (ROOTS.has(type.name)) {
        const rule = OPERATION_POLICY[type.name as RootType][field.name];
        if (rule === 'public') continue;
        const check = (ctx: Context) => {
          if (!ctx.viewer) throw unauthenticated();
          if (!operationAllowed(rule, ctx.scope)) throw forbidden(`${type.name}.${field.name}`);
        };
        field.resolve = (source, args, ctx: Context, info) => {
          check(ctx);
          return resolve(source, args, ctx, info);
        };
        const subscribe = field.subscribe;
        if (subscribe) {
          field.subscribe = (source, args, ctx: Context, info) => {
            check(ctx);
            return subscribe(source, args, ctx, info);
          };
        }
        continue;
      }
      const rule = fieldRule(type.name, field.name)!;
      if (rule.includes('analyst') && rule.includes('self') && rule.includes('full')) continue;
      const key = `${type.name}.${field.name}`;
      field.resolve = (source, args, ctx: Context, info) => {
        const access = ctx.rows.accessOf(source as object);
        if (access && rule.includes(access)) return resolve(source, args, ctx, info);
        ctx.forbidden.set(key, (ctx.forbidden.get(key) ?? 0) + 1);
        return null;
      };
    }
  }
  return schema;
}

/** `extensions.forbiddenFields` of a response: which fields were masked, and how many values. */
export function forbiddenFields(ctx: Context): { code: 'FORBIDDEN_FIELD'; field: string; count: number }[] | undefined {
  if (ctx.forbidden.size === 0) return undefined;
  return [...ctx.forbidden].map(([field, count]) => ({ code: 'FORBIDDEN_FIELD', field, count }));
}

export { FIELD_POLICY };
