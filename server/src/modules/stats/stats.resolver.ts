import { Args, ArgsType, Ctx, Field, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { ArrayMinSize } from 'class-validator';
import { FeedbackGroupBy, FeedbackStatsConnection, GradeCount, VisitGroupBy, VisitStatsConnection } from './stats.types.js';
import { classificationSummary, feedbackStats, visitStats } from './stats.service.js';
import { PageArgsInput } from '../../graphql/page-args.js';
import { Topic } from '../visit/topic.js';
import { VisitKind } from '../visit/visit.entity.js';
import type { Context } from '../../graphql/context.js';
import { selectsField } from '../../graphql/selection.js';

@ArgsType()
class UnitRangeArgs extends PageArgsInput {
  @Field(() => ID, { nullable: true, description: 'A committee (its whole subtree); give this or cellId.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A cell; give this or committeeId.' })
  cellId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'From this date (inclusive).' })
  from?: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'To this date (inclusive).' })
  to?: string | null;
}

@ArgsType()
class VisitStatsArgs extends UnitRangeArgs {
  @Field(() => [VisitGroupBy], { description: 'Grouping, e.g. [UNIT, MONTH, TOPIC].' })
  @ArrayMinSize(1)
  groupBy!: VisitGroupBy[];

  @Field(() => [VisitKind], { nullable: true, description: 'Only these kinds of visit.' })
  kinds?: VisitKind[] | null;

  @Field(() => [Topic], { nullable: true, description: 'Only visits discussing one of these topics.' })
  topics?: Topic[] | null;
}

@ArgsType()
class FeedbackStatsArgs extends UnitRangeArgs {
  @Field(() => [FeedbackGroupBy], { description: 'Grouping, e.g. [TOPIC, STATUS].' })
  @ArrayMinSize(1)
  groupBy!: FeedbackGroupBy[];
}

@ArgsType()
class ClassificationArgs {
  @Field(() => ID, { nullable: true, description: 'A committee (its whole subtree); give this or cellId.' })
  committeeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A cell; give this or committeeId.' })
  cellId?: string | null;

  @Field(() => Int, { description: 'The year classified.' })
  year!: number;
}

/** Aggregates computed in SQL, for viewers who read the whole unit: counts never include a row outside their scope. */
@Resolver()
export class StatsResolver {
  @Query(() => VisitStatsConnection, { description: 'Visit statistics (thống kê lượt thăm) of a unit grouped by child unit, cell, week or month, topic and kind.' })
  visitStats(@Ctx() ctx: Context, @Args() args: VisitStatsArgs, @Info() info: GraphQLResolveInfo): Promise<VisitStatsConnection> {
    // Distinct households cost a sort of every visit: counted only when asked for.
    return visitStats(ctx, args, selectsField(info, 'households'));
  }

  @Query(() => FeedbackStatsConnection, { description: 'Feedback statistics (thống kê ý kiến) of a unit grouped by topic, level, status, child unit and month, with the median days to an answer.' })
  feedbackStats(@Ctx() ctx: Context, @Args() args: FeedbackStatsArgs): Promise<FeedbackStatsConnection> {
    return feedbackStats(ctx, args);
  }

  @Query(() => [GradeCount], { description: 'Classification records of a year by grade (tổng hợp xếp loại), for the members and cells of a unit.' })
  classificationSummary(@Ctx() ctx: Context, @Args() args: ClassificationArgs): Promise<GradeCount[]> {
    return classificationSummary(ctx, args);
  }
}
