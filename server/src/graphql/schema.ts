import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CommitteeResolver } from '../modules/committee/committee.resolver.js';
import { CellResolver } from '../modules/cell/cell.resolver.js';
import { MemberResolver } from '../modules/member/member.resolver.js';
import { HouseholdResolver } from '../modules/household/household.resolver.js';
import { AssignmentResolver } from '../modules/assignment/assignment.resolver.js';
import { VisitResolver } from '../modules/visit/visit.resolver.js';
import { FeedbackResolver } from '../modules/feedback/feedback.resolver.js';
import { AccountResolver, AuthResolver, RoleBindingResolver } from '../modules/account/account.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { applyPolicy } from '../auth/schema-policy.js';

export const resolvers = [
  CommitteeResolver, CellResolver, MemberResolver, HouseholdResolver, AssignmentResolver, VisitResolver, FeedbackResolver,
  AuthResolver, AccountResolver, RoleBindingResolver, AuditResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
  }).then(applyPolicy);
  return built;
}

/** The SDL committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
