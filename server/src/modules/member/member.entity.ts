import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { Cell } from '../cell/cell.entity.js';

export enum MemberStatus {
  ACTIVE = 'active',
  EXEMPT = 'exempt',
}
registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: 'Whether a member takes part in cell activity.',
  valuesConfig: {
    ACTIVE: { description: 'Active (đang sinh hoạt).' },
    EXEMPT: { description: 'Exempt from activity and work (miễn sinh hoạt, miễn công tác): cannot be assigned households.' },
  },
});

export enum ExemptReason {
  AGE = 'age',
  ILLNESS = 'illness',
  MOBILITY = 'mobility',
  OTHER = 'other',
}
registerEnumType(ExemptReason, {
  name: 'ExemptReason',
  description: 'Why a member is exempt.',
  valuesConfig: {
    AGE: { description: 'Old age (tuổi cao).' },
    ILLNESS: { description: 'Illness (ốm đau).' },
    MOBILITY: { description: 'Hard to travel (đi lại khó khăn).' },
    OTHER: { description: 'Another reason.' },
  },
});

export enum Gender {
  MALE = 'male',
  FEMALE = 'female',
}
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender (giới tính).',
  valuesConfig: { MALE: { description: 'Male (nam).' }, FEMALE: { description: 'Female (nữ).' } },
});

@ObjectType({ description: 'A party member (đảng viên).', simpleResolvers: true })
@Entity({ tableName: 'member' })
export class Member {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @ManyToOne(() => Cell, { ref: true, nullable: true })
  residenceCell?: Ref<Cell> | null;

  @Field(() => String, { nullable: true, description: 'Full name (họ và tên). Masked for analysts.' })
  @Property({ type: 'text' })
  fullName!: string;

  @Field(() => Gender, { nullable: true, description: 'Gender.' })
  @Enum({ items: () => Gender, nullable: true })
  gender?: Gender | null;

  @Field(() => Int, { nullable: true, description: 'Year of birth.' })
  @Property({ type: 'smallint', nullable: true })
  birthYear?: number | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of admission to the party (ngày vào Đảng).' })
  @Property({ type: 'date', nullable: true })
  partyJoinedOn?: string | null;

  @Field(() => MemberStatus, { description: 'Active or exempt.' })
  @Enum({ items: () => MemberStatus })
  status!: MemberStatus;

  @Field(() => ExemptReason, { nullable: true, description: 'Reason of exemption, when exempt.' })
  @Enum({ items: () => ExemptReason, nullable: true })
  exemptReason?: ExemptReason | null;

  @Field({ description: 'Whether the member lives in the commune; members living elsewhere are assigned non-regularly.' })
  @Property({ type: 'boolean' })
  livesInCommune!: boolean;

  @Field(() => String, { nullable: true, description: 'Phone number.' })
  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Home address.' })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'Health notes (sức khỏe): sensitive.' })
  @Property({ type: 'text', nullable: true })
  healthNote?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
