import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Member } from '../member/member.entity.js';
import { Cell } from '../cell/cell.entity.js';

export enum Grade {
  EXCELLENT = 'excellent',
  GOOD = 'good',
  COMPLETE = 'complete',
  INCOMPLETE = 'incomplete',
}
registerEnumType(Grade, {
  name: 'Grade',
  description: 'Annual quality grade (xếp loại chất lượng).',
  valuesConfig: {
    EXCELLENT: { description: 'Hoàn thành xuất sắc nhiệm vụ.' },
    GOOD: { description: 'Hoàn thành tốt nhiệm vụ.' },
    COMPLETE: { description: 'Hoàn thành nhiệm vụ.' },
    INCOMPLETE: { description: 'Không hoàn thành nhiệm vụ.' },
  },
});

export enum ResidenceRatingValue {
  GOOD = 'good',
  FAIR = 'fair',
  POOR = 'poor',
}
registerEnumType(ResidenceRatingValue, {
  name: 'ResidenceRatingValue',
  description: 'Rating given by the residence cell.',
  valuesConfig: {
    GOOD: { description: 'Good (tốt).' },
    FAIR: { description: 'Fair (khá, trung bình).' },
    POOR: { description: 'Poor (kém).' },
  },
});

@ObjectType({ description: "A member's classification for a year (đánh giá, xếp loại đảng viên). Locked once approved." })
@Entity({ tableName: 'member_classification' })
export class MemberClassification {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;

  @Field(() => Int, { description: 'Year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Grade, { nullable: true, description: 'Grade, once entered.' })
  @Enum({ items: () => Grade, nullable: true })
  grade?: Grade | null;

  @Field(() => String, { nullable: true, description: 'Comment (nhận xét).' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the secretary submitted it.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the committee approved it.' })
  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  approvedBy?: string | null;
}

@ObjectType({ description: "A cell's classification for a year (xếp loại chi bộ). Locked once approved." })
@Entity({ tableName: 'cell_classification' })
export class CellClassification {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @Field(() => Int, { description: 'Year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => Grade, { nullable: true, description: 'Grade, once entered.' })
  @Enum({ items: () => Grade, nullable: true })
  grade?: Grade | null;

  @Field(() => String, { nullable: true, description: 'Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was submitted.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved.' })
  @Property({ type: 'datetime', nullable: true })
  approvedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  approvedBy?: string | null;
}

@ObjectType({ description: "The residence cell's yearly rating of a member who works elsewhere (Quy định 213)." })
@Entity({ tableName: 'residence_rating' })
export class ResidenceRating {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @Field(() => Int, { description: 'Year.' })
  @Property({ type: 'smallint' })
  year!: number;

  @Field(() => ResidenceRatingValue, { description: 'Rating.' })
  @Enum({ items: () => ResidenceRatingValue })
  rating!: ResidenceRatingValue;

  @Field(() => String, { nullable: true, description: 'Comment.' })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;
}
