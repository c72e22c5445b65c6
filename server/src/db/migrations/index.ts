import { Migration20261123000000_domain } from './Migration20261123000000_domain.js';
import { Migration20261123010000_accounts } from './Migration20261123010000_accounts.js';
import { Migration20261123020000_analysts } from './Migration20261123020000_analysts.js';
import { Migration20261123030000_overdue_order } from './Migration20261123030000_overdue_order.js';
import { Migration20261123030100_budget_unlogged } from './Migration20261123030100_budget_unlogged.js';
import { Migration20261123040000_assignment_due } from './Migration20261123040000_assignment_due.js';
import { Migration20261123041000_feedback_due } from './Migration20261123041000_feedback_due.js';
import { Migration20261123042000_classification_workflow } from './Migration20261123042000_classification_workflow.js';
import { Migration20261123043000_refresh_reuse } from './Migration20261123043000_refresh_reuse.js';
import { Migration20261123044000_visit_client_ref } from './Migration20261123044000_visit_client_ref.js';
import { Migration20261123050000_visit_counts } from './Migration20261123050000_visit_counts.js';
import { Migration20261123051000_auth_notify } from './Migration20261123051000_auth_notify.js';
import { Migration20261123051100_budget_bigint } from './Migration20261123051100_budget_bigint.js';
import { Migration20261123052000_assignment_cell } from './Migration20261123052000_assignment_cell.js';

/** Listed explicitly so migrations run the same from sources (vitest) and from dist/. */
export const migrationsList = [
  { name: 'Migration20261123000000_domain', class: Migration20261123000000_domain },
  { name: 'Migration20261123010000_accounts', class: Migration20261123010000_accounts },
  { name: 'Migration20261123020000_analysts', class: Migration20261123020000_analysts },
  { name: 'Migration20261123030000_overdue_order', class: Migration20261123030000_overdue_order },
  { name: 'Migration20261123030100_budget_unlogged', class: Migration20261123030100_budget_unlogged },
  { name: 'Migration20261123040000_assignment_due', class: Migration20261123040000_assignment_due },
  { name: 'Migration20261123041000_feedback_due', class: Migration20261123041000_feedback_due },
  { name: 'Migration20261123042000_classification_workflow', class: Migration20261123042000_classification_workflow },
  { name: 'Migration20261123043000_refresh_reuse', class: Migration20261123043000_refresh_reuse },
  { name: 'Migration20261123044000_visit_client_ref', class: Migration20261123044000_visit_client_ref },
  { name: 'Migration20261123050000_visit_counts', class: Migration20261123050000_visit_counts },
  { name: 'Migration20261123051000_auth_notify', class: Migration20261123051000_auth_notify },
  { name: 'Migration20261123051100_budget_bigint', class: Migration20261123051100_budget_bigint },
  { name: 'Migration20261123052000_assignment_cell', class: Migration20261123052000_assignment_cell },
];
