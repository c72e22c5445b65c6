import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'The visit policy in force for a committee (định kỳ thăm hộ): its own, or inherited from the nearest ancestor that sets one.', simpleResolvers: true })
export class EffectiveVisitPolicy {
  @Field(() => Int, { description: 'Days between visits for members living in the commune.' })
  regularIntervalDays!: number;

  @Field(() => Int, { description: 'Days between visits for members living elsewhere (at least monthly).' })
  nonRegularIntervalDays!: number;

  @Field(() => ID, { nullable: true, description: 'Committee that set this policy; null for the system default of 30 days.' })
  sourceCommitteeId!: number | null;
}
