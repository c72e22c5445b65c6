import { graphql } from '../../gql';

/**
 * One page holds a whole cell's members and assignments (a residential group can have ~100
 * members); free households are fewer. Each load is priced against the viewer's budget, so the
 * pages are no larger than that (about 4,000 points, within every role's maximum).
 */
export const CELL_PAGE_SIZE = 100;
export const FREE_PAGE_SIZE = 50;

export const FreeHouseholdFragment = graphql(`
  fragment FreeHousehold on Household {
    id
    headName
    size
    isPriority
    priorityFlags
    povertyStatus
    lastVisitOn
    group {
      name
    }
  }
`);

export const AssignableMemberFragment = graphql(`
  fragment AssignableMember on Member {
    id
    fullName
    status
    exemptReason
    livesInCommune
    assignments(activeOnly: true) {
      id
    }
  }
`);

export const CurrentAssignmentFragment = graphql(`
  fragment CurrentAssignment on Assignment {
    id
    mode
    startedOn
    lastVisitOn
    dueOn
    daysOverdue
    household {
      id
      headName
      isPriority
    }
    member {
      id
      fullName
    }
  }
`);

export const CellAssignmentsQuery = graphql(`
  query CellAssignments($cellId: ID!, $first: Int!, $firstFree: Int!) {
    # Priority households first, so the first page never leaves one out behind ordinary ones.
    households(cellId: $cellId, assigned: false, first: $firstFree, orderBy: PRIORITY_FIRST) {
      totalCount
      nodes {
        ...FreeHousehold
      }
    }
    members(cellId: $cellId, first: $first) {
      totalCount
      nodes {
        ...AssignableMember
      }
    }
    assignments(cellId: $cellId, first: $first, orderBy: DUE_ON_ASC) {
      totalCount
      nodes {
        ...CurrentAssignment
      }
    }
  }
`);

export const AssignHouseholdMutation = graphql(`
  mutation AssignHousehold($input: AssignHouseholdInput!) {
    assignHousehold(input: $input) {
      ...CurrentAssignment
    }
  }
`);

export const UnassignHouseholdMutation = graphql(`
  mutation UnassignHousehold($input: UnassignHouseholdInput!) {
    unassignHousehold(input: $input) {
      id
      active
      endedOn
    }
  }
`);

export const CellAssignmentChangedSubscription = graphql(`
  subscription CellAssignmentChanged($cellId: ID!) {
    assignmentChanged(cellId: $cellId) {
      id
    }
  }
`);
