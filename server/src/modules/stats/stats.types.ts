import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { connectionOf } from '../../graphql/connection.js';
import { Topic } from '../visit/topic.js';
import { VisitKind } from '../visit/visit.entity.js';
import { FeedbackLevel, FeedbackStatus } from '../feedback/feedback.entity.js';
import { Grade } from '../classification/classification.types.js';
import { UnitKind } from '../live/live.types.js';

export enum VisitGroupBy { UNIT = 'unit', CELL = 'cell', WEEK = 'week', MONTH = 'month', TOPIC = 'topic', KIND = 'kind' }
registerEnumType(VisitGroupBy, {
  name: 'VisitGroupBy',
  description: 'How visit statistics are grouped; several may be combined.',
  valuesConfig: {
    UNIT: { description: 'Each child unit of the committee asked about (communes of a district, cells of a commune).' },
    CELL: { description: 'Each cell.' },
    WEEK: { description: 'Each ISO week (period = its Monday).' },
    MONTH: { description: 'Each month (period = its first day).' },
    TOPIC: { description: 'Each topic discussed (a visit with two topics counts under both).' },
    KIND: { description: 'Each kind of visit.' },
  },
});

export enum FeedbackGroupBy { TOPIC = 'topic', LEVEL = 'level', STATUS = 'status', UNIT = 'unit', MONTH = 'month' }
registerEnumType(FeedbackGroupBy, {
  name: 'FeedbackGroupBy',
  description: 'How feedback statistics are grouped.',
  valuesConfig: {
    TOPIC: { description: 'Each topic.' }, LEVEL: { description: 'Each current level.' }, STATUS: { description: 'Each status.' },
    UNIT: { description: 'Each child unit.' }, MONTH: { description: 'Each month raised.' },
  },
});

@ObjectType({ description: 'A child unit a statistic row is about.', simpleResolvers: true })
export class StatUnit {
  @Field(() => UnitKind, { description: 'Committee or cell.' })
  unitKind!: UnitKind;

  @Field(() => ID, { description: 'Its id.' })
  unitId!: number;

  @Field({ description: 'Its name.' })
  name!: string;
}

@ObjectType({ description: 'Visit statistics for one group (thống kê lượt thăm). Fields not grouped by are null.', simpleResolvers: true })
export class VisitStatRow {
  @Field(() => StatUnit, { nullable: true, description: 'Child unit (groupBy UNIT).' })
  unit!: StatUnit | null;

  @Field(() => ID, { nullable: true, description: 'Cell (groupBy CELL).' })
  cellId!: number | null;

  @Field(() => String, { nullable: true, description: 'Cell name (groupBy CELL).' })
  cellName!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of the week or month (groupBy WEEK or MONTH).' })
  period!: string | null;

  @Field(() => Topic, { nullable: true, description: 'Topic (groupBy TOPIC).' })
  topic!: Topic | null;

  @Field(() => VisitKind, { nullable: true, description: 'Kind (groupBy KIND).' })
  kind!: VisitKind | null;

  @Field(() => Int, { description: 'Visits.' })
  visits!: number;

  @Field(() => Int, { description: 'Distinct households visited.' })
  households!: number;

  @Field(() => Int, { description: 'Hot spots (điểm nóng).' })
  hotSpots!: number;
}

@ObjectType('VisitStatRowConnection', { description: 'A page of visit statistics rows, in group order.' })
export class VisitStatsConnection extends connectionOf(VisitStatRow, 'VisitStatRow', 'row') {}

@ObjectType({ description: 'Feedback statistics for one group (thống kê ý kiến). Fields not grouped by are null.', simpleResolvers: true })
export class FeedbackStatRow {
  @Field(() => Topic, { nullable: true, description: 'Topic (groupBy TOPIC).' })
  topic!: Topic | null;

  @Field(() => FeedbackLevel, { nullable: true, description: 'Level (groupBy LEVEL).' })
  level!: FeedbackLevel | null;

  @Field(() => FeedbackStatus, { nullable: true, description: 'Status (groupBy STATUS).' })
  status!: FeedbackStatus | null;

  @Field(() => StatUnit, { nullable: true, description: 'Child unit (groupBy UNIT).' })
  unit!: StatUnit | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Month raised (groupBy MONTH).' })
  period!: string | null;

  @Field(() => Int, { description: 'Feedback raised.' })
  count!: number;

  @Field(() => Int, { description: 'Of which answered (on the spot or in writing) or closed.' })
  answered!: number;

  @Field(() => Float, { nullable: true, description: 'Median days from raised to answered, over the answered ones.' })
  medianAnswerDays!: number | null;
}

@ObjectType('FeedbackStatRowConnection', { description: 'A page of feedback statistics rows.' })
export class FeedbackStatsConnection extends connectionOf(FeedbackStatRow, 'FeedbackStatRow', 'row') {}

@ObjectType({ description: 'How many classification records have a grade (xếp loại), for members or cells of a unit in a year.', simpleResolvers: true })
export class GradeCount {
  @Field({ description: '"MEMBER" or "CELL".' })
  subject!: string;

  @Field(() => Grade, { nullable: true, description: 'The grade; null for records not graded yet.' })
  grade!: Grade | null;

  @Field(() => Int, { description: 'Records.' })
  count!: number;

  @Field(() => Int, { description: 'Of which approved.' })
  approved!: number;
}
