import { Migration20261123000000_domain } from './Migration20261123000000_domain.js';
import { Migration20261123010000_accounts } from './Migration20261123010000_accounts.js';
import { Migration20261123020000_analysts } from './Migration20261123020000_analysts.js';

/** Listed explicitly so migrations run the same from sources (vitest) and from dist/. */
export const migrationsList = [
  { name: 'Migration20261123000000_domain', class: Migration20261123000000_domain },
  { name: 'Migration20261123010000_accounts', class: Migration20261123010000_accounts },
  { name: 'Migration20261123020000_analysts', class: Migration20261123020000_analysts },
];
