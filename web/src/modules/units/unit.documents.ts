import { graphql } from '../../gql';

/** What a unit's tab pages show above their content: name, kind and breadcrumbs. */
export const UnitHeaderCommitteeQuery = graphql(`
  query UnitHeaderCommittee($id: ID!) {
    committee(id: $id) {
      ...CommitteeCrumb
      parent {
        ...CommitteeAncestors
      }
    }
  }
`);

export const UnitHeaderCellQuery = graphql(`
  query UnitHeaderCell($id: ID!) {
    cell(id: $id) {
      id
      name
      kind
      committee {
        ...CommitteeAncestors
      }
    }
  }
`);
