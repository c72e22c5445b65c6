import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Member } from '../member/member.entity.js';
import { Household } from '../household/household.entity.js';

export enum AssignmentMode {
  REGULAR = 'regular',
  NON_REGULAR = 'non_regular',
}
registerEnumType(AssignmentMode, {
  name: 'AssignmentMode',
  description: 'How a member attaches to a household.',
  valuesConfig: {
    REGULAR: { description: 'Regular (thường xuyên): the member lives in the commune.' },
    NON_REGULAR: { description: 'Non-regular (không thường xuyên): the member lives outside the commune.' },
  },
});

@ObjectType({ description: 'A member made responsible for a household (phân công đảng viên phụ trách hộ). A household has at most one active assignment.' })
@Entity({ tableName: 'assignment' })
export class Assignment {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;

  @ManyToOne(() => Household, { ref: true })
  household!: Ref<Household>;

  @Field(() => AssignmentMode, { description: 'Regular or non-regular.' })
  @Enum({ items: () => AssignmentMode })
  mode!: AssignmentMode;

  @Field(() => LocalDateResolver, { description: 'First day of the assignment.' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day, once ended.' })
  @Property({ type: 'date', nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the assignment ended.' })
  @Property({ type: 'text', nullable: true })
  endReason?: string | null;

  @Field({ description: 'Whether the assignment is in force.' })
  get active(): boolean {
    return this.endedOn == null;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the latest visit under this assignment.' })
  @Property({ type: 'date', nullable: true })
  lastVisitOn?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
