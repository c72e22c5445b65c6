import { graphql } from '../../gql';

/** Weeks drawn in the visits chart: this week and the 52 before it, a year. */
export const CHART_WEEKS = 53;

export const CoverageFiguresFragment = graphql(`
  fragment CoverageFiguresFields on CoverageFigures {
    households
    householdsCovered
    activeMembers
    membersWithHouseholds
    activeAssignments
    visitsOnTime
    overdue
    priorityHouseholds
    priorityHouseholdsCovered
  }
`);

export const CoverageReportFragment = graphql(`
  fragment CoverageReportFields on CoverageReport {
    computedAt
    unit {
      unitId
      unitKind
      name
      figures {
        ...CoverageFiguresFields
      }
    }
    children {
      unitId
      unitKind
      name
      figures {
        ...CoverageFiguresFields
      }
    }
  }
`);

export const CoverageQuery = graphql(`
  query UnitCoverage($committeeId: ID, $cellId: ID) {
    coverage(committeeId: $committeeId, cellId: $cellId) {
      ...CoverageReportFields
    }
  }
`);

export const CoverageChangedSubscription = graphql(`
  subscription UnitCoverageChanged($committeeId: ID, $cellId: ID) {
    coverageChanged(committeeId: $committeeId, cellId: $cellId) {
      ...CoverageReportFields
    }
  }
`);

export const VisitsPerWeekQuery = graphql(`
  query VisitsPerWeek($committeeId: ID, $cellId: ID, $from: LocalDate!, $to: LocalDate!, $first: Int!) {
    visitStats(committeeId: $committeeId, cellId: $cellId, groupBy: [WEEK], from: $from, to: $to, first: $first) {
      nodes {
        period
        visits
        households
        hotSpots
      }
    }
  }
`);
