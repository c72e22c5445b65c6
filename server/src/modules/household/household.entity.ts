import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { Cell } from '../cell/cell.entity.js';

export enum PriorityFlag {
  POLICY_FAMILY = 'policy_family',
  REVOLUTIONARY_MERIT = 'revolutionary_merit',
  RETIRED_CADRE = 'retired_cadre',
  PARTY_40_YEARS = 'party_40_years',
  RELIGIOUS = 'religious',
  PERSON_OF_STANDING = 'person_of_standing',
}
registerEnumType(PriorityFlag, {
  name: 'PriorityFlag',
  description: 'Why a household is a priority household (hộ ưu tiên); poor and near-poor status is kept separately, over time.',
  valuesConfig: {
    POLICY_FAMILY: { description: 'Policy family (gia đình chính sách).' },
    REVOLUTIONARY_MERIT: { description: 'Family with revolutionary merit (gia đình có công với cách mạng).' },
    RETIRED_CADRE: { description: 'Retired cadre (cán bộ hưu trí).' },
    PARTY_40_YEARS: { description: 'Member with 40 or more years in the party (đảng viên 40 năm tuổi Đảng).' },
    RELIGIOUS: { description: 'Notable religious family (gia đình chức sắc tôn giáo).' },
    PERSON_OF_STANDING: { description: 'Person of standing (người có uy tín).' },
  },
});

export enum PovertyStatus {
  NONE = 'none',
  NEAR_POOR = 'near_poor',
  POOR = 'poor',
}
registerEnumType(PovertyStatus, {
  name: 'PovertyStatus',
  description: 'Poverty status of a household.',
  valuesConfig: {
    NONE: { description: 'Neither poor nor near-poor.' },
    NEAR_POOR: { description: 'Near-poor household (hộ cận nghèo).' },
    POOR: { description: 'Poor household (hộ nghèo).' },
  },
});

@ObjectType({ description: 'A group of households (nhóm hộ, tổ liên gia) in a cell.' })
@Entity({ tableName: 'household_group' })
export class HouseholdGroup {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @Field({ description: 'Name, e.g. "Nhóm hộ số 3".' })
  @Property({ type: 'text' })
  name!: string;
}

@ObjectType({ description: 'A point on the map (WGS 84).', simpleResolvers: true })
export class Location {
  @Field(() => Float, { description: 'Latitude.' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude.' })
  lng!: number;
}

@ObjectType({ description: 'A household of residents (hộ gia đình).', simpleResolvers: true })
@Entity({ tableName: 'household' })
export class Household {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Cell, { ref: true })
  cell!: Ref<Cell>;

  @ManyToOne(() => HouseholdGroup, { ref: true, nullable: true })
  group?: Ref<HouseholdGroup> | null;

  @Field(() => String, { nullable: true, description: 'Name of the head of household (chủ hộ). Masked for analysts.' })
  @Property({ type: 'text' })
  headName!: string;

  @Field(() => String, { nullable: true, description: 'Address. Masked for analysts.' })
  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'double', nullable: true })
  lat?: number | null;

  @Property({ type: 'double', nullable: true })
  lng?: number | null;

  @Field(() => Location, { nullable: true, description: 'Location of the home, when recorded. Masked for analysts.' })
  get location(): Location | null {
    return this.lat == null || this.lng == null ? null : { lat: this.lat, lng: this.lng };
  }

  @Field(() => Int, { description: 'Number of people in the household.' })
  @Property({ type: 'smallint' })
  size!: number;

  @Field(() => [PriorityFlag], { description: 'Priority flags.' })
  @Enum({ items: () => PriorityFlag, array: true, columnType: 'text[]' })
  priorityFlags!: PriorityFlag[];

  @Field(() => PovertyStatus, { description: 'Current poverty status.' })
  @Enum({ items: () => PovertyStatus })
  povertyStatus!: PovertyStatus;

  @Field({ description: 'Whether the household is a priority household: any priority flag, or poor or near-poor.' })
  get isPriority(): boolean {
    return this.priorityFlags.length > 0 || this.povertyStatus !== PovertyStatus.NONE;
  }

  @Field(() => LocalDateResolver, { nullable: true, description: 'Date of the latest visit, by anyone.' })
  @Property({ type: 'date', nullable: true })
  lastVisitOn?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}

@ObjectType({ description: 'A poverty status valid from a date (hộ nghèo, cận nghèo theo năm).', simpleResolvers: true })
@Entity({ tableName: 'household_poverty' })
export class HouseholdPoverty {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Household, { ref: true })
  household!: Ref<Household>;

  @Field(() => PovertyStatus, { description: 'Status.' })
  @Enum({ items: () => PovertyStatus })
  status!: PovertyStatus;

  @Field(() => LocalDateResolver, { description: 'First day the status applies.' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => String, { nullable: true, description: 'Note, e.g. the decision that set it.' })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
