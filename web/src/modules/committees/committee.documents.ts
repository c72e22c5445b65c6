import { graphql } from '../../gql';

/** Cells shown per page; the API accepts up to 100. */
export const CELL_PAGE_SIZE = 50;

export const CommitteeListItemFragment = graphql(`
  fragment CommitteeListItem on Committee {
    id
    name
    kind
    children {
      id
    }
    cells(first: 0) {
      totalCount
    }
  }
`);

export const CellListItemFragment = graphql(`
  fragment CellListItem on Cell {
    id
    name
    kind
    members(first: 0) {
      totalCount
    }
    households(first: 0) {
      totalCount
    }
  }
`);

export const CellPageFragment = graphql(`
  fragment CellPage on CellConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...CellListItem
    }
  }
`);

export const CommitteeCrumbFragment = graphql(`
  fragment CommitteeCrumb on Committee {
    id
    name
    kind
  }
`);

/**
 * Five levels of ancestors cover every tree seen (province, district, commune, grassroots);
 * the last `parent { id }` says whether the chain goes on, so depth is never assumed.
 */
export const CommitteeAncestorsFragment = graphql(`
  fragment CommitteeAncestors on Committee {
    ...CommitteeCrumb
    parent {
      ...CommitteeCrumb
      parent {
        ...CommitteeCrumb
        parent {
          ...CommitteeCrumb
          parent {
            ...CommitteeCrumb
            parent {
              id
            }
          }
        }
      }
    }
  }
`);

export const RootCommitteesQuery = graphql(`
  query RootCommittees {
    committees {
      ...CommitteeListItem
    }
  }
`);

export const CommitteePageQuery = graphql(`
  query CommitteePage($id: ID!, $first: Int!) {
    committee(id: $id) {
      ...CommitteeCrumb
      parent {
        ...CommitteeAncestors
      }
      children {
        ...CommitteeListItem
      }
      cells(first: $first) {
        ...CellPage
      }
    }
  }
`);

export const CommitteeCellsQuery = graphql(`
  query CommitteeCells($id: ID!, $first: Int!, $after: String) {
    committee(id: $id) {
      id
      cells(first: $first, after: $after) {
        ...CellPage
      }
    }
  }
`);
