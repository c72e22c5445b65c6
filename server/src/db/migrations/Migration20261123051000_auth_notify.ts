import { Migration } from '@mikro-orm/migrations';

/**
 * Every change to what a viewer is made of (session, account, role bindings, the member's cells,
 * a cell's committee, a committee's path) is announced on channel `gb_auth` when it commits, so
 * each server process can keep viewers in memory (auth/viewer-cache.ts) and drop them at once.
 * The payload is the account id, or `*` when many accounts may be touched. PostgreSQL folds the
 * same notification sent many times in one transaction into one.
 */
export class Migration20261123051000_auth_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function gb_auth_changed() returns trigger language plpgsql as $$
      begin
        if tg_table_name = 'account' then
          perform pg_notify('gb_auth', coalesce(old.id, new.id)::text);
        elsif tg_table_name in ('account_session', 'role_binding') then
          if tg_op <> 'INSERT' then perform pg_notify('gb_auth', old.account_id::text); end if;
          if tg_op <> 'DELETE' then perform pg_notify('gb_auth', new.account_id::text); end if;
        else
          perform pg_notify('gb_auth', '*');
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger account_auth_changed after update or delete on account for each row execute function gb_auth_changed();`);
    this.addSql(`create trigger account_session_auth_changed after update or delete on account_session for each row execute function gb_auth_changed();`);
    this.addSql(`create trigger role_binding_auth_changed after insert or update or delete on role_binding for each row execute function gb_auth_changed();`);
    this.addSql(`create trigger member_auth_changed after update of cell_id, residence_cell_id or delete on member for each row execute function gb_auth_changed();`);
    this.addSql(`create trigger cell_auth_changed after update of committee_id or delete on cell for each row execute function gb_auth_changed();`);
    this.addSql(`create trigger committee_auth_changed after update of parent_id, path or delete on committee for each row execute function gb_auth_changed();`);
  }

  override async down(): Promise<void> {
    for (const table of ['account', 'account_session', 'role_binding', 'member', 'cell', 'committee']) {
      this.addSql(`drop trigger if exists ${table}_auth_changed on ${table};`);
    }
    this.addSql('drop function if exists gb_auth_changed();');
  }
}
