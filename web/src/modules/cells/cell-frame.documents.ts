import { graphql } from '../../gql';

/** What every page of a cell shows above its tabs: its name, kind and breadcrumbs. */
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
