import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from '../../graphql/local-date.js';
import { ArrayMaxSize, IsOptional, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { VisitKind } from './visit.entity.js';
import { Topic } from './topic.js';

@InputType({ description: 'Feedback heard on a visit, recorded with it.' })
export class FeedbackDraftInput {
  @Field(() => Topic, { description: 'Topic.' })
  topic!: Topic;

  @Field({ description: 'What the household raised.' })
  @MinLength(3)
  @MaxLength(4000)
  content!: string;

  @Field(() => String, { nullable: true, description: 'The answer given on the spot, if any: the feedback is then ANSWERED_ON_THE_SPOT.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(4000)
  answer?: string | null;
}

@InputType({ description: 'Record a visit (ghi nhận lần thăm hộ).' })
export class RecordVisitInput {
  @Field(() => String, { nullable: true, description: 'A UUID the client makes once per visit: sending it again (a retry after a lost answer) returns the visit already recorded instead of a second one.' })
  @IsOptional()
  @IsUUID()
  clientRef?: string | null;

  @Field(() => VisitKind, { defaultValue: VisitKind.HOME_VISIT, description: 'Kind of visit.' })
  kind!: VisitKind;

  @Field(() => ID, { nullable: true, description: 'Household visited; required for a home visit.' })
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Cell of the activity; taken from the household when omitted.' })
  cellId?: string | null;

  @Field(() => LocalDateResolver, { description: 'Date of the visit; not in the future.' })
  visitedOn!: string;

  @Field(() => ID, { nullable: true, description: 'Member who records the visit; counted as a participant.' })
  recordedByMemberId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Members who took part.' })
  @IsOptional()
  @ArrayMaxSize(50)
  participantIds?: string[] | null;

  @Field(() => [Topic], { defaultValue: [], description: 'Topics discussed.' })
  @ArrayMaxSize(19)
  topics!: Topic[];

  @Field(() => String, { nullable: true, description: 'Notes of what was heard.' })
  @IsOptional()
  @MaxLength(4000)
  notes?: string | null;

  @Field({ defaultValue: false, description: 'A hot spot (điểm nóng) to report at once.' })
  hotSpot!: boolean;

  @Field(() => String, { nullable: true, description: 'Participants who are not members, e.g. "Chủ tịch UBND xã".' })
  @IsOptional()
  @MaxLength(500)
  guestParticipants?: string | null;

  @Field(() => [FeedbackDraftInput], { nullable: true, description: 'Feedback heard on the visit.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  feedback?: FeedbackDraftInput[] | null;
}
