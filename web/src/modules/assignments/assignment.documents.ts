import { graphql } from '../../gql';

/** One page holds the whole of a cell: villages have tens of households and members, never hundreds. */
export const CELL_PAGE_SIZE = 100;

export const FreeHouseholdFragment = graphql(`
  fragment FreeHousehold on Household {
    id
    headName
    address
    size
    isPriority
    priorityFlags
    povertyStatus
    lastVisitOn
    group {
      id
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
  query CellAssignments($cellId: ID!, $first: Int!) {
    households(cellId: $cellId, assigned: false, first: $first) {
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
