import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CommitteeKind {
  PROVINCE = 'province',
  DISTRICT = 'district',
  TOWN = 'town',
  CITY = 'city',
  COMMUNE = 'commune',
  WARD = 'ward',
  TOWNSHIP = 'township',
  BLOC = 'bloc',
  GRASSROOTS = 'grassroots',
}

registerEnumType(CommitteeKind, {
  name: 'CommitteeKind',
  description: 'Level of a party committee (cấp ủy).',
  valuesConfig: {
    PROVINCE: { description: 'Province committee (Tỉnh ủy).' },
    DISTRICT: { description: 'District committee (Huyện ủy).' },
    TOWN: { description: 'Town committee (Thị ủy).' },
    CITY: { description: 'City committee (Thành ủy).' },
    COMMUNE: { description: 'Commune committee (Đảng ủy xã).' },
    WARD: { description: 'Ward committee (Đảng ủy phường).' },
    TOWNSHIP: { description: 'Township committee (Đảng ủy thị trấn).' },
    BLOC: { description: 'Provincial bloc of agencies and enterprises (Đảng bộ Khối).' },
    GRASSROOTS: { description: 'Grassroots committee of an agency or enterprise (Đảng bộ cơ sở).' },
  },
});

@ObjectType({ description: 'A party committee (cấp ủy): province, district, commune or bloc. Committees form a tree of any depth.' })
@Entity({ tableName: 'committee' })
export class Committee {
  @Field(() => ID, { description: 'Identifier.' })
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Committee, { ref: true, nullable: true })
  parent?: Ref<Committee> | null;

  @Field(() => CommitteeKind, { description: 'Level of the committee.' })
  @Enum({ items: () => CommitteeKind })
  kind!: CommitteeKind;

  @Field({ description: 'Name, e.g. "Đảng ủy xã Hữu Khuông".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Administrative code, where one is used.' })
  @Property({ type: 'text', nullable: true })
  code?: string | null;

  @Field({ description: 'Materialised path of ids from the root, e.g. "/1/5/23/": a subtree is every path with this prefix.' })
  @Property({ type: 'text', nullable: true })
  path!: string;

  @Field(() => Int, { description: 'Depth in the tree; 0 for a root.' })
  @Property({ type: 'smallint', nullable: true })
  depth!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;
}
