import { Migration } from '@mikro-orm/migrations';

/**
 * Refresh-token reuse detection: a session remembers the refresh token it replaced. That token
 * coming back means it was copied (the rightful client already holds the new one): the session
 * ends, for the thief and the owner alike, who signs in again.
 */
export class Migration20261123043000_refresh_reuse extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
alter table account_session add column previous_refresh_hash text;
create index account_session_previous_idx on account_session (previous_refresh_hash) where previous_refresh_hash is not null;
`);
  }

  override async down(): Promise<void> {
    this.addSql('alter table account_session drop column previous_refresh_hash;');
  }
}
