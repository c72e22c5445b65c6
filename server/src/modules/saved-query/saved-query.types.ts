import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { IsOptional, Length } from 'class-validator';
import { connectionOf } from '../../graphql/connection.js';

@ObjectType({ description: 'A named GraphQL query with its variables, kept by an analyst and optionally shared with a unit (truy vấn đã lưu).' })
export class SavedQuery {
  @Field(() => ID, { description: 'Identifier; run it with `extensions.savedQueryId`.' })
  id!: number;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'The GraphQL document.' })
  document!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Default variables.' })
  variables!: Record<string, unknown> | null;

  @Field({ description: 'Whether the viewer owns it (and may change or delete it).' })
  mine!: boolean;

  @Field({ description: 'Last change.' })
  updatedAt!: Date;

  ownerAccountId!: number;
  sharedWithCommitteeId!: number | null;
}

@ObjectType('SavedQueryConnection', { description: 'A page of saved queries.' })
export class SavedQueryConnection extends connectionOf(SavedQuery, 'SavedQuery', 'saved query') {}

@InputType({ description: 'Create (no id) or change (own only) a saved query.' })
export class SaveQueryInput {
  @Field(() => ID, { nullable: true, description: 'The saved query to change; a new one when omitted.' })
  @IsOptional()
  id?: string | null;

  @Field({ description: 'Name, unique among your saved queries.' })
  @Length(1, 200)
  name!: string;

  @Field({ description: 'The GraphQL document; it must parse and validate against the schema.' })
  @Length(1, 20_000)
  document!: string;

  @Field(() => JSONObjectResolver, { nullable: true, description: 'Default variables.' })
  @IsOptional()
  variables?: Record<string, unknown> | null;

  @Field(() => ID, { nullable: true, description: 'Share with this committee: everyone bound to it or inside it can run it.' })
  @IsOptional()
  sharedWithCommitteeId?: string | null;
}
