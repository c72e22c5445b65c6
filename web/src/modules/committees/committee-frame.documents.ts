import { graphql } from '../../gql';

/** What every page of a committee shows above its tabs: its name, kind and breadcrumbs. */
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
