import { Field, ID, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { CommitteeKind } from './committee.entity.js';
import { CellKind } from '../cell/cell.entity.js';

@InputType({ description: 'Create a committee under another (or a top-level one, global admin only).' })
export class CreateCommitteeInput {
  @Field(() => ID, { nullable: true, description: 'Parent committee; none for a new top-level committee.' })
  @IsOptional()
  parentId?: string | null;

  @Field(() => CommitteeKind, { description: 'Level.' })
  kind!: CommitteeKind;

  @Field({ description: 'Name, unique among its siblings.' })
  @Length(2, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Administrative code.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,32}$/)
  code?: string | null;
}

@InputType({ description: 'Create a cell under a committee.' })
export class CreateCellInput {
  @Field(() => ID, { description: 'The committee.' })
  committeeId!: string;

  @Field(() => CellKind, { description: 'Kind of cell.' })
  kind!: CellKind;

  @Field({ description: 'Name, unique in the committee.' })
  @Length(2, 200)
  name!: string;
}
