import { graphql } from '../../gql';

/** Members listed on a cell's page; the API accepts up to 100, more than nearly any cell has. */
export const MEMBER_PAGE_SIZE = 100;

export const CellMemberFragment = graphql(`
  fragment CellMember on Member {
    id
    fullName
    status
    livesInCommune
  }
`);

export const CellPageQuery = graphql(`
  query CellPage($id: ID!, $first: Int!) {
    cell(id: $id) {
      id
      name
      kind
      committee {
        ...CommitteeAncestors
      }
      households(first: 0) {
        totalCount
      }
      members(first: $first) {
        totalCount
        nodes {
          ...CellMember
        }
      }
    }
  }
`);
