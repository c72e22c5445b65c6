import { Migration } from '@mikro-orm/migrations';

/**
 * Every signed-in request spends its cost in `query_budget` (one row per account, a counter of the
 * current minute). Unlogged, that write commits without a WAL flush: a read no longer waits for
 * a disk sync, nor holds the account's row lock while it does. A crash empties the table, which
 * only forgives the minute's spending.
 */
export class Migration20261123030100_budget_unlogged extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table query_budget set unlogged;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table query_budget set logged;');
  }
}
