import { graphql } from '../../gql';

/** Households asked for on a committee's map: enough for a commune whole; a district shows a sample and says so. */
export const COMMITTEE_MAX_HOUSEHOLDS = 5_000;
/** A cell has a few hundred households at most; the server's cap. */
export const CELL_MAX_HOUSEHOLDS = 20_000;

export const MapAreaFieldsFragment = graphql(`
  fragment MapAreaFields on MapArea {
    unitKind
    unitId
    name
    locatedHouseholds
    center {
      lat
      lng
    }
    outline {
      lat
      lng
    }
    figures {
      households
      householdsCovered
      activeAssignments
      overdue
      visitsOnTime
      priorityHouseholds
      priorityHouseholdsCovered
      membersWithHouseholds
      activeMembers
    }
  }
`);

export const CoverageMapFieldsFragment = graphql(`
  fragment CoverageMapFields on CoverageMap {
    unit {
      ...MapAreaFields
    }
    areas {
      ...MapAreaFields
    }
    bounds {
      southWest {
        lat
        lng
      }
      northEast {
        lat
        lng
      }
    }
    households {
      id
      cellId
      state
      priority
      location {
        lat
        lng
      }
    }
    householdsTruncated
    householdsHidden
    tileUrl
    computedAt
  }
`);

export const CommitteeMapQuery = graphql(`
  query CommitteeMap($id: ID!, $maxHouseholds: Int!) {
    coverageMap(committeeId: $id, maxHouseholds: $maxHouseholds) {
      ...CoverageMapFields
    }
  }
`);

export const CellMapQuery = graphql(`
  query CellMap($id: ID!, $maxHouseholds: Int!) {
    coverageMap(cellId: $id, maxHouseholds: $maxHouseholds) {
      ...CoverageMapFields
    }
  }
`);

export const MapHouseholdQuery = graphql(`
  query MapHousehold($id: ID!) {
    household(id: $id) {
      id
      headName
      address
      priorityFlags
      povertyStatus
      lastVisitOn
      size
      activeAssignment {
        id
        dueOn
        daysOverdue
        member {
          id
          fullName
        }
      }
      cell {
        id
        name
      }
    }
  }
`);
