import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum UnitKind {
  COMMITTEE = 'committee',
  CELL = 'cell',
}
registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'Kind of org unit.',
  valuesConfig: { COMMITTEE: { description: 'A committee and its whole subtree.' }, CELL: { description: 'A cell.' } },
});

@ObjectType({ description: 'Coverage figures of a unit (độ bao phủ): the headline of the programme.', simpleResolvers: true })
export class CoverageFigures {
  @Field(() => Int, { description: 'Households in the unit.' })
  households!: number;

  @Field(() => Int, { description: 'Households with a responsible member (có đảng viên phụ trách).' })
  householdsCovered!: number;

  @Field(() => Int, { description: 'Active members (not exempt).' })
  activeMembers!: number;

  @Field(() => Int, { description: 'Active members responsible for at least one household.' })
  membersWithHouseholds!: number;

  @Field(() => Int, { description: 'Assignments in force.' })
  activeAssignments!: number;

  @Field(() => Int, { description: 'Assignments whose last visit is within the policy interval (thăm đúng hạn).' })
  visitsOnTime!: number;

  @Field(() => Int, { description: 'Assignments whose last visit is older than the policy interval (quá hạn).' })
  overdue!: number;

  @Field(() => Int, { description: 'Priority households (policy families, merit, retired cadres, 40-year members, religious, people of standing, poor, near-poor).' })
  priorityHouseholds!: number;

  @Field(() => Int, { description: 'Priority households with a responsible member.' })
  priorityHouseholdsCovered!: number;
}

@ObjectType({ description: 'Coverage of one unit.', simpleResolvers: true })
export class UnitCoverage {
  @Field(() => UnitKind, { description: 'Committee or cell.' })
  unitKind!: UnitKind;

  @Field(() => ID, { description: 'Id of the committee or cell.' })
  unitId!: number;

  @Field({ description: 'Name of the unit.' })
  name!: string;

  @Field(() => CoverageFigures, { description: 'The figures.' })
  figures!: CoverageFigures;
}

@ObjectType({ description: 'Coverage of a unit and of each of its child units (communes, or cells of a commune).', simpleResolvers: true })
export class CoverageReport {
  @Field(() => UnitCoverage, { description: 'The unit itself.' })
  unit!: UnitCoverage;

  @Field(() => [UnitCoverage], { description: 'Each child unit, by name.' })
  children!: UnitCoverage[];

  @Field({ description: 'When the figures were computed.' })
  computedAt!: Date;
}
