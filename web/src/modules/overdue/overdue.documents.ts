import { graphql } from '../../gql';

/** Rows per page of the list; every role may ask for 100. */
export const OVERDUE_PAGE_SIZE = 50;

export const OverdueAssignmentFragment = graphql(`
  fragment OverdueAssignment on Assignment {
    id
    lastVisitOn
    dueOn
    daysOverdue
    intervalDays
    mode
    startedOn
    household {
      id
      headName
      address
      isPriority
      priorityFlags
      povertyStatus
      cell {
        id
        name
      }
    }
    member {
      id
      fullName
    }
  }
`);

export const OverdueAssignmentsQuery = graphql(`
  query OverdueAssignments(
    $committeeId: ID
    $cellId: ID
    $memberId: ID
    $minDaysOverdue: Int
    $priority: Boolean
    $priorityFlags: [PriorityFlag!]
    $orderBy: AssignmentOrder!
    $first: Int!
    $after: String
  ) {
    assignments(
      committeeId: $committeeId
      cellId: $cellId
      memberId: $memberId
      active: true
      overdue: true
      minDaysOverdue: $minDaysOverdue
      priority: $priority
      priorityFlags: $priorityFlags
      orderBy: $orderBy
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...OverdueAssignment
      }
    }
  }
`);

/** The cells of a committee subtree, for the cell filter; grouped by the committee holding each. */
export const FilterCellsQuery = graphql(`
  query OverdueFilterCells($committeeId: ID!, $first: Int!, $after: String) {
    cells(committeeId: $committeeId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        committee {
          id
          name
        }
      }
    }
  }
`);

/**
 * The members holding households of a cell, for the member filter: members of other cells (an
 * agency's, say) may hold households in a village, and a village's members may hold none.
 */
export const FilterMembersQuery = graphql(`
  query OverdueFilterMembers($cellId: ID!, $first: Int!) {
    assignments(cellId: $cellId, active: true, first: $first) {
      nodes {
        id
        member {
          id
          fullName
        }
      }
    }
  }
`);

export const OverdueVisitRecordedSubscription = graphql(`
  subscription OverdueVisitRecorded($committeeId: ID, $cellId: ID) {
    visitRecorded(committeeId: $committeeId, cellId: $cellId) {
      id
      visitedOn
    }
  }
`);
