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
import { LiveResolver } from '../modules/live/live.resolver.js';
import { SavedQueryResolver } from '../modules/saved-query/saved-query.resolver.js';
import { StatsResolver } from '../modules/stats/stats.resolver.js';
import { MapResolver } from '../modules/map/map.resolver.js';
import {
  CellClassificationStatusResolver, ClassificationResolver, ClassificationSheetResolver, MemberClassificationRowResolver, MemberIndicatorsResolver,
} from '../modules/classification/classification.resolver.js';
import { applyPolicy } from '../auth/schema-policy.js';

export const resolvers = [
  CommitteeResolver, CellResolver, MemberResolver, HouseholdResolver, AssignmentResolver, VisitResolver, FeedbackResolver,
  AuthResolver, AccountResolver, RoleBindingResolver, AuditResolver, LiveResolver, SavedQueryResolver, StatsResolver, MapResolver,
  ClassificationResolver, ClassificationSheetResolver, MemberClassificationRowResolver, MemberIndicatorsResolver, CellClassificationStatusResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, stopAtFirstError: true },
    // Every subscription brings its own `subscribe` (live/live.ts, fed by LISTEN/NOTIFY);
    // type-graphql's topic-based PubSub is never used, and says so if something tries.
    pubSub: {
      publish: () => { throw new Error('use live/events.ts notifyInTransaction'); },
      subscribe: () => { throw new Error('subscriptions declare their own subscribe()'); },
    },
  }).then(applyPolicy);
  return built;
}

/** The SDL committed in schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
