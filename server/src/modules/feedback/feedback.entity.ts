import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Cell } from '../cell/cell.entity.js';
import { Household } from '../household/household.entity.js';
import { Visit } from '../visit/visit.entity.js';
import { Topic } from '../visit/topic.js';

export enum FeedbackLevel {
  CELL = 'cell',
  COMMUNE = 'commune',
  DISTRICT = 'district',
}
registerEnumType(FeedbackLevel, {
  name: 'FeedbackLevel',
  description: 'Who must answer a feedback.',
  valuesConfig: {
    CELL: { description: 'The cell (chi bộ).' },
    COMMUNE: { description: 'The commune committee (Đảng ủy xã), answering in writing.' },
    DISTRICT: { description: 'The district or a provincial agency (cấp huyện, cơ quan cấp tỉnh).' },
  },
});

export enum FeedbackStatus {
  RAISED = 'raised',
  ANSWERED_ON_THE_SPOT = 'answered_on_the_spot',
  ESCALATED = 'escalated',
  ANSWERED_IN_WRITING = 'answered_in_writing',
  CLOSED = 'closed',
}
registerEnumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  description: 'Where a feedback is in its life: raised → answered on the spot, or escalated → answered in writing → closed.',
  valuesConfig: {
    RAISED: { description: 'Raised on a visit, awaiting the cell (mới tiếp nhận).' },
    ANSWERED_ON_THE_SPOT: { description: 'Answered on the spot (đã trả lời trực tiếp).' },
    ESCALATED: { description: 'Passed up a level (đã chuyển cấp trên).' },
    ANSWERED_IN_WRITING: { description: 'Answered in writing (đã trả lời bằng văn bản).' },
    CLOSED: { description: 'Closed (đã kết thúc).' },
  },
});

@ObjectType({ description: 'Feedback (ý kiến, kiến nghị) residents raised on a visit.' })
@Entity({ tableName: 'feedback' })
export class Feedback {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Visit, { ref: true })
  visit!: Ref<Visit>;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @ManyToOne(() => Household, { ref: true, nullable: true })
  household?: Ref<Household> | null;

  @Field(() => Topic, { description: 'Topic.' })
  @Enum({ items: () => Topic })
  topic!: Topic;

  @Field(() => String, { nullable: true, description: 'What was raised (free text). Masked for analysts.' })
  @Property({ type: 'text' })
  content!: string;

  @Field(() => FeedbackLevel, { description: 'Level that must answer now.' })
  @Enum({ items: () => FeedbackLevel })
  level!: FeedbackLevel;

  @Field(() => FeedbackStatus, { description: 'Status.' })
  @Enum({ items: () => FeedbackStatus })
  status!: FeedbackStatus;

  @Field(() => String, { nullable: true, description: 'The answer given, once answered.' })
  @Property({ type: 'text', nullable: true })
  answer?: string | null;

  @Field(() => LocalDateResolver, { description: 'Date raised (the visit date).' })
  @Property({ type: 'date' })
  raisedOn!: string;

  @Field(() => Date, { nullable: true, description: 'When it was answered.' })
  @Property({ type: 'datetime', nullable: true })
  answeredAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was closed.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}

@ObjectType({ description: 'One dated step in the life of a feedback.', simpleResolvers: true })
@Entity({ tableName: 'feedback_event' })
export class FeedbackEvent {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Feedback, { ref: true })
  feedback!: Ref<Feedback>;

  @Field({ description: 'When the step happened.' })
  @Property({ type: 'datetime' })
  at!: Date;

  @Field(() => FeedbackStatus, { nullable: true, description: 'Status before (none when raised).' })
  @Enum({ items: () => FeedbackStatus, nullable: true })
  fromStatus?: FeedbackStatus | null;

  @Field(() => FeedbackStatus, { description: 'Status after.' })
  @Enum({ items: () => FeedbackStatus })
  toStatus!: FeedbackStatus;

  @Field(() => FeedbackLevel, { nullable: true, description: 'Level before.' })
  @Enum({ items: () => FeedbackLevel, nullable: true })
  fromLevel?: FeedbackLevel | null;

  @Field(() => FeedbackLevel, { description: 'Level after.' })
  @Enum({ items: () => FeedbackLevel })
  toLevel!: FeedbackLevel;

  @Field(() => String, { nullable: true, description: 'Who acted.' })
  @Property({ type: 'text', nullable: true })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Note given with the step.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
