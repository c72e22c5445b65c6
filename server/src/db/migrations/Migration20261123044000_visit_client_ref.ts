import { Migration } from '@mikro-orm/migrations';

/** A client-made id per visit: a phone that resends after a lost answer gets the visit it already recorded, not a second one. */
export class Migration20261123044000_visit_client_ref extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table visit add column client_ref uuid;
create unique index visit_client_ref_key on visit (client_ref) where client_ref is not null;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table visit drop column client_ref;');
  }
}
