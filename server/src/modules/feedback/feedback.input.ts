import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, MaxLength, MinLength } from 'class-validator';
import { Topic } from '../visit/topic.js';

@InputType({ description: 'Raise feedback on a recorded visit.' })
export class RaiseFeedbackInput {
  @Field(() => ID, { description: 'The visit on which it was heard.' })
  visitId!: string;

  @Field(() => Topic, { description: 'Topic.' })
  topic!: Topic;

  @Field({ description: 'What was raised.' })
  @MinLength(3)
  @MaxLength(4000)
  content!: string;

  @Field(() => String, { nullable: true, description: 'Answer given on the spot, if any.' })
  @IsOptional()
  @MinLength(2)
  @MaxLength(4000)
  answer?: string | null;
}

@InputType({ description: 'Pass a feedback up one level: cell → commune → district or agency.' })
export class EscalateFeedbackInput {
  @Field(() => ID, { description: 'The feedback.' })
  feedbackId!: string;

  @Field(() => String, { nullable: true, description: 'Note kept with this step.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Answer a feedback in writing (trả lời bằng văn bản).' })
export class AnswerFeedbackInput {
  @Field(() => ID, { description: 'The feedback.' })
  feedbackId!: string;

  @Field({ description: 'The answer.' })
  @MinLength(2)
  @MaxLength(4000)
  answer!: string;

  @Field(() => String, { nullable: true, description: 'Note kept with this step.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'Close an answered feedback.' })
export class CloseFeedbackInput {
  @Field(() => ID, { description: 'The feedback.' })
  feedbackId!: string;

  @Field(() => String, { nullable: true, description: 'Note kept with this step, e.g. the household\'s response.' })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}
