import { graphql } from '../../gql';

/** The explorer lists at most this many saved queries per page (the API allows 100). */
export const SAVED_QUERY_PAGE_SIZE = 50;

export const SavedQueryFieldsFragment = graphql(`
  fragment SavedQueryFields on SavedQuery {
    id
    name
    document
    variables
    mine
    updatedAt
    owner {
      id
      displayName
    }
    sharedWith {
      id
      name
    }
  }
`);

export const SavedQueriesQuery = graphql(`
  query SavedQueries($first: Int!, $after: String) {
    savedQueries(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SavedQueryFields
      }
    }
  }
`);

export const SaveQueryMutation = graphql(`
  mutation SaveQuery($input: SaveQueryInput!) {
    saveQuery(input: $input) {
      ...SavedQueryFields
    }
  }
`);

export const DeleteSavedQueryMutation = graphql(`
  mutation DeleteSavedQuery($id: ID!) {
    deleteSavedQuery(id: $id)
  }
`);
