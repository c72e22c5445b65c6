import { Migration } from '@mikro-orm/migrations';

/**
 * A process now takes a share of an account's budget at a time (graphql/protection.ts); with the
 * large budgets a deployment may set (the benchmark lifts them to 10^12), the minute's sum passes
 * an int.
 */
export class Migration20261123051100_budget_bigint extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table query_budget alter column spent type bigint;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table query_budget alter column spent type int;');
  }
}
