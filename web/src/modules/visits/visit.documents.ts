import { graphql } from '../../gql';

/** A member holds one or two households, a group holder a dozen: one page is all of them. */
export const MY_ASSIGNMENTS_PAGE = 50;

export const MyAssignmentFragment = graphql(`
  fragment MyAssignment on Assignment {
    id
    mode
    startedOn
    intervalDays
    dueOn
    daysOverdue
    lastVisitOn
    household {
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
      lastVisit {
        id
        visitedOn
        topics
      }
    }
  }
`);

export const MyAssignmentsQuery = graphql(`
  query MyAssignments($memberId: ID!, $first: Int!) {
    assignments(memberId: $memberId, first: $first, orderBy: DUE_ON_ASC) {
      totalCount
      nodes {
        ...MyAssignment
      }
    }
  }
`);

/** The household being visited, and the members of the viewer's cell who could have come along. */
export const VisitFormQuery = graphql(`
  query VisitForm($householdId: ID!, $cellId: ID!) {
    household(id: $householdId) {
      id
      headName
      address
      lastVisitOn
      activeAssignment {
        id
        dueOn
        daysOverdue
      }
    }
    members(cellId: $cellId, first: 100, status: ACTIVE) {
      nodes {
        id
        fullName
      }
    }
  }
`);

export const RecordedVisitFragment = graphql(`
  fragment RecordedVisit on Visit {
    id
    visitedOn
    kind
    topics
    hotSpot
    notes
    guestParticipants
    participants {
      id
      fullName
    }
    household {
      id
      headName
      lastVisitOn
      lastVisit {
        id
        visitedOn
        topics
      }
    }
    assignment {
      id
      lastVisitOn
      dueOn
      daysOverdue
    }
    feedback {
      id
      topic
      content
      status
      level
      answer
      answerDueOn
      daysOverdue
    }
  }
`);

export const RecordVisitMutation = graphql(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      ...RecordedVisit
    }
  }
`);

export const RecordedVisitQuery = graphql(`
  query RecordedVisit($id: ID!) {
    visit(id: $id) {
      ...RecordedVisit
    }
  }
`);
