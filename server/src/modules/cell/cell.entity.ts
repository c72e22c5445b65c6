import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Committee } from '../committee/committee.entity.js';

export enum CellKind {
  VILLAGE = 'village',
  HAMLET = 'hamlet',
  RESIDENTIAL_GROUP = 'residential_group',
  AGENCY = 'agency',
  ENTERPRISE = 'enterprise',
  OTHER = 'other',
}

registerEnumType(CellKind, {
  name: 'CellKind',
  description: 'Kind of party cell (chi bộ). Village, hamlet and residential-group cells are territorial.',
  valuesConfig: {
    VILLAGE: { description: 'Village cell (chi bộ thôn, bản).' },
    HAMLET: { description: 'Hamlet cell (chi bộ ấp).' },
    RESIDENTIAL_GROUP: { description: 'Residential-group cell (chi bộ tổ dân phố).' },
    AGENCY: { description: 'Agency cell (chi bộ cơ quan): school, health station, police…' },
    ENTERPRISE: { description: 'Enterprise cell (chi bộ doanh nghiệp).' },
    OTHER: { description: 'Any other cell.' },
  },
});

export const TERRITORIAL_CELL_KINDS = [CellKind.VILLAGE, CellKind.HAMLET, CellKind.RESIDENTIAL_GROUP];

@ObjectType({ description: 'A party cell (chi bộ) under a committee.', simpleResolvers: true })
@Entity({ tableName: 'cell' })
export class Cell {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Committee, { ref: true })
  committee!: Ref<Committee>;

  @Field(() => CellKind, { description: 'Kind of cell.' })
  @Enum({ items: () => CellKind })
  kind!: CellKind;

  @Field({ description: 'Name, e.g. "Chi bộ bản Xốp Mạt".' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: 'Whether the cell is territorial (village, hamlet, residential group).' })
  get territorial(): boolean {
    return TERRITORIAL_CELL_KINDS.includes(this.kind);
  }

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
