import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { IsOptional, MaxLength } from 'class-validator';

@InputType({ description: 'Make a member responsible for a household.' })
export class AssignHouseholdInput {
  @Field(() => ID, { description: 'The member (đảng viên), active.' })
  memberId!: string;

  @Field(() => ID, { description: 'The household, without a responsible member.' })
  householdId!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'First day; today when omitted.' })
  startedOn?: string | null;
}

@InputType({ description: 'End an assignment.' })
export class UnassignHouseholdInput {
  @Field(() => ID, { description: 'The assignment in force.' })
  assignmentId!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day; today when omitted.' })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ends (moved away, exempted, reassigned…).' })
  @IsOptional()
  @MaxLength(500)
  reason?: string | null;
}
