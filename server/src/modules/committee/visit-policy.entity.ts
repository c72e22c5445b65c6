import { Entity, OneToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Committee } from './committee.entity.js';

/** A committee's own visit policy; committees without one inherit their nearest ancestor's. */
@Entity({ tableName: 'visit_policy' })
export class VisitPolicy {
  [PrimaryKeyProp]?: 'committee';

  @OneToOne(() => Committee, { primary: true, ref: true, owner: true })
  committee!: Ref<Committee>;

  @Property({ type: 'smallint' })
  regularIntervalDays!: number;

  @Property({ type: 'smallint' })
  nonRegularIntervalDays!: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt!: Date;
}
