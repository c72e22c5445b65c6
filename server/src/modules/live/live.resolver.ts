import { Arg, Args, ArgsType, Ctx, Field, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { CoverageReport } from './live.types.js';
import { Visit } from '../visit/visit.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Feedback } from '../feedback/feedback.entity.js';
import { computeCoverage, type CoverageReport as Report } from '../../live/coverage.js';
import { wholeUnit } from '../../graphql/units.js';
import type { EventFilter } from '../../live/live.js';
import { parseOptionalId } from '../../graphql/ids.js';
import { visibleOrNotFound } from '../../graphql/targets.js';
import type { Context } from '../../graphql/context.js';

@ArgsType()
class UnitArgs {
  @Field(() => ID, { nullable: true, description: 'A committee (its whole subtree).' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A cell.' })
  cellId?: string | null;
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
    const unit = await wholeUnit(ctx, args);
    // Shared by every reader of the unit in this process (a second old, or up to five while a
    // fresh computation runs); computed afresh in contexts without live updates.
    return ctx.live ? ctx.live.coverageCache.get(unit, asOf ?? undefined, ctx.em) : computeCoverage(ctx.em, unit, asOf ?? undefined);
  }

  @Subscription(() => CoverageReport, {
    description: 'Coverage of a unit and its children: now, then at most once a second while visits, assignments or feedback change in it.',
    subscribe: async ({ args, context }) => live(context).coverageOf(await wholeUnit(context, args)),
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
