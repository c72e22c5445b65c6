import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { Cell } from '../cell/cell.entity.js';
import { Household } from '../household/household.entity.js';
import { Assignment } from '../assignment/assignment.entity.js';
import { Member } from '../member/member.entity.js';
import { Topic } from './topic.js';

export enum VisitKind {
  HOME_VISIT = 'home_visit',
  DELEGATION = 'delegation',
  GROUP_ACTIVITY = 'group_activity',
}
registerEnumType(VisitKind, {
  name: 'VisitKind',
  description: 'Kind of contact with residents.',
  valuesConfig: {
    HOME_VISIT: { description: 'A member visits a household (thăm hộ).' },
    DELEGATION: { description: 'A delegation of commune leaders visits (đoàn lãnh đạo xã thăm hộ, "mỗi tuần một điểm đến").' },
    GROUP_ACTIVITY: { description: 'An activity with a group of residents (sinh hoạt nhóm hộ, "3 cùng").' },
  },
});

@ObjectType({ description: 'A visit or contact with residents (thăm hỏi, tiếp xúc).', simpleResolvers: true })
@Entity({ tableName: 'visit' })
export class Visit {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => VisitKind, { description: 'Kind of visit.' })
  @Enum({ items: () => VisitKind })
  kind!: VisitKind;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @ManyToOne(() => Household, { ref: true, nullable: true })
  household?: Ref<Household> | null;

  @ManyToOne(() => Assignment, { ref: true, nullable: true })
  assignment?: Ref<Assignment> | null;

  @ManyToOne(() => Member, { ref: true, nullable: true, fieldName: 'recorded_by_member_id' })
  recordedBy?: Ref<Member> | null;

  @Field(() => LocalDateResolver, { description: 'Date of the visit.' })
  @Property({ type: 'date' })
  visitedOn!: string;

  @Field(() => [Topic], { description: 'Topics discussed.' })
  @Enum({ items: () => Topic, array: true, columnType: 'text[]' })
  topics!: Topic[];

  @Field(() => String, { nullable: true, description: 'Notes of what was heard (free text).' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field({ description: 'A hot spot (điểm nóng) to report at once.' })
  @Property({ type: 'boolean' })
  hotSpot!: boolean;

  @Field(() => String, { nullable: true, description: 'Participants who are not members in the system, e.g. "Chủ tịch UBND xã".' })
  @Property({ type: 'text', nullable: true })
  guestParticipants?: string | null;

  @Field({ description: 'When the visit was recorded.' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
