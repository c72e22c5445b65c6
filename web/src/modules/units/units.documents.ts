import { graphql } from '../../gql';

/** What a committee's tab pages show above their content: breadcrumbs, name, kind. */
export const CommitteeHeaderQuery = graphql(`
  query CommitteeHeader($id: ID!) {
    committee(id: $id) {
      ...CommitteeCrumb
      parent {
        ...CommitteeAncestors
      }
    }
  }
`);

/** What a cell's tab pages show above their content: breadcrumbs, name, kind. */
export const CellHeaderQuery = graphql(`
  query CellHeader($id: ID!) {
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
