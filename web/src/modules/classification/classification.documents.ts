import { graphql } from '../../gql';

export const MemberClassificationFieldsFragment = graphql(`
  fragment MemberClassificationFields on MemberClassificationRow {
    member {
      id
      fullName
      status
    }
    required
    grade
    comment
    status
    submittedAt
    approvedAt
    approvedBy
    returnNote
    indicators {
      householdsHeld
      visitsMade
      visitsDue
      feedbackRaised
      feedbackResolved
      residenceCell {
        id
        name
      }
      residenceRating
      residenceComment
    }
  }
`);

export const CellClassificationFieldsFragment = graphql(`
  fragment CellClassificationFields on CellClassificationRow {
    grade
    comment
    status
    submittedAt
    approvedAt
    approvedBy
    returnNote
    indicators {
      activeMembers
      membersWithHouseholds
      households
      householdsCovered
      visitsMade
      visitsDue
      feedbackRaised
      feedbackResolved
    }
  }
`);

export const ClassificationSheetFieldsFragment = graphql(`
  fragment ClassificationSheetFields on ClassificationSheet {
    year
    status
    editable
    approvable
    cell {
      id
      name
    }
    members {
      ...MemberClassificationFields
    }
    cellRecord {
      ...CellClassificationFields
    }
  }
`);

export const ClassificationSheetQuery = graphql(`
  query ClassificationSheet($cellId: ID!, $year: Int!) {
    classificationSheet(cellId: $cellId, year: $year) {
      ...ClassificationSheetFields
    }
  }
`);

export const ClassificationOverviewQuery = graphql(`
  query ClassificationOverview($committeeId: ID!, $year: Int!) {
    classificationOverview(committeeId: $committeeId, year: $year) {
      cell {
        id
        name
        committee {
          id
          name
        }
      }
      status
      members
      graded
      cellGrade
    }
  }
`);

export const SetMemberClassificationMutation = graphql(`
  mutation SetMemberClassification($input: SetMemberClassificationInput!) {
    setMemberClassification(input: $input) {
      ...MemberClassificationFields
    }
  }
`);

export const SetCellClassificationMutation = graphql(`
  mutation SetCellClassification($input: SetCellClassificationInput!) {
    setCellClassification(input: $input) {
      ...CellClassificationFields
    }
  }
`);

export const SubmitClassificationMutation = graphql(`
  mutation SubmitClassification($input: ClassificationSheetInput!) {
    submitClassification(input: $input) {
      ...ClassificationSheetFields
    }
  }
`);

export const ApproveClassificationMutation = graphql(`
  mutation ApproveClassification($input: ClassificationSheetInput!) {
    approveClassification(input: $input) {
      ...ClassificationSheetFields
    }
  }
`);

export const ReturnClassificationMutation = graphql(`
  mutation ReturnClassification($input: ReturnClassificationInput!) {
    returnClassification(input: $input) {
      ...ClassificationSheetFields
    }
  }
`);

/** A secretary sees the members who live in the cell and work in another (Quy định 213) among their members. */
export const ResidentMembersQuery = graphql(`
  query ResidentMembers($first: Int!, $after: String) {
    members(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fullName
        cell {
          id
          name
        }
        residenceCell {
          id
        }
      }
    }
  }
`);

export const RateResidentMemberMutation = graphql(`
  mutation RateResidentMember($input: RateResidentMemberInput!) {
    rateResidentMember(input: $input) {
      residenceRating
      residenceComment
    }
  }
`);
