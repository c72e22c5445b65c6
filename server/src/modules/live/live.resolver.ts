import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { CoverageReport } from './live.types.js';
import { Visit } from '../visit/visit.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { computeCoverage, type CoverageReport as Report, type UnitRef } from '../../live/coverage.js';
import type { EventFilter } from '../../live/live.js';
import { badInput } from '../../graphql/errors.js';
import { parseOptionalId } from '../../graphql/ids.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import { forbidden } from '../../auth/schema-policy.js';
import type { Context } from '../../graphql/context.js';

@ArgsType()
class UnitArgs {
  @Field(() => ID, { nullable: true, description: 'A committee (its whole subtree).' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A cell.' })
  cellId?: string | null;
}

/** The unit named by the arguments, which the viewer must be able to read whole (NOT_FOUND / FORBIDDEN otherwise). */
async function unitOf(ctx: Context, args: UnitArgs): Promise<UnitRef> {
  const committeeId = parseOptionalId(args.committeeId, 'committeeId');
  const cellId = parseOptionalId(args.cellId, 'cellId');
  if (!committeeId === !cellId) throw badInput('committeeId', 'give exactly one of committeeId and cellId');
  let unit: UnitRef;
  if (cellId) {
    const cell = await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId');
    const committee = await visibleOrNotFound(ctx.loaders.committee.load(cell.committee.id), 'cellId');
    unit = { kind: 'cell', id: cellId, path: committee.path };
  } else {
    const committee = await visibleOrNotFound(ctx.loaders.committee.load(committeeId!), 'committeeId');
    unit = { kind: 'committee', id: committee.id, path: committee.path };
  }
  if (!ctx.scope.coversUnit(unit.path, unit.kind === 'cell' ? unit.id : undefined)) throw forbidden('figures of a unit you cannot read whole');
  return unit;
}

/** Optional subtree or cell filter of an event subscription, checked like a query argument. */
async function filterOf(ctx: Context, args: UnitArgs): Promise<EventFilter> {
  const committeeId = parseOptionalId(args.committeeId, 'committeeId');
  const cellId = parseOptionalId(args.cellId, 'cellId');
  const filter: EventFilter = {};
  if (committeeId) filter.path = (await visibleOrNotFound(ctx.loaders.committee.load(committeeId), 'committeeId')).path;
  if (cellId) filter.cellId = (await visibleOrNotFound(ctx.loaders.cell.load(cellId), 'cellId')).id;
  return filter;
}

const live = (ctx: Context) => {
  if (!ctx.live) throw new Error('live updates are not running');
  return ctx.live;
};

@Resolver()
export class LiveResolver {
  @Query(() => CoverageReport, { description: 'Coverage figures of a committee subtree or a cell and of each child unit, for any reader of the whole unit.' })
  async coverage(
    @Ctx() ctx: Context,
    @Args() args: UnitArgs,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'Judge visits on time as of this date (assignments as they are now); today when omitted.' }) asOf?: string | null,
  ): Promise<Report> {
    return computeCoverage(ctx.em, await unitOf(ctx, args), asOf ?? undefined);
  }

  @Subscription(() => CoverageReport, {
    description: 'Coverage of a unit and its children: now, then at most once a second while visits, assignments or feedback change in it.',
    subscribe: async ({ args, context }) => live(context).coverageOf(await unitOf(context, args)),
  })
  coverageChanged(@Root() report: Report, @Args() _args: UnitArgs): Report {
    return report;
  }

  @Subscription(() => Visit, {
    description: 'Each visit recorded that you may see, optionally within a committee subtree or a cell.',
    subscribe: async ({ args, context }) => live(context).changes(context, 'visit', Visit, await filterOf(context, args)),
  })
  visitRecorded(@Root() visit: Visit, @Args() _args: UnitArgs): Visit {
    return visit;
  }

  @Subscription(() => Assignment, {
    description: 'Each assignment made or ended that you may see.',
    subscribe: async ({ args, context }) => live(context).changes(context, 'assignment', Assignment, await filterOf(context, args)),
  })
  assignmentChanged(@Root() assignment: Assignment, @Args() _args: UnitArgs): Assignment {
    return assignment;
  }

  @Subscription(() => Feedback, {
    description: 'Each feedback raised, escalated, answered or closed that you may see.',
    subscribe: async ({ args, context }) => live(context).changes(context, 'feedback', Feedback, await filterOf(context, args)),
  })
  feedbackChanged(@Root() feedback: Feedback, @Args() _args: UnitArgs): Feedback {
    return feedback;
  }
}
