/** The benchmark's scenarios: the Gắn Bó query and the nearest PostGraphile v5 query of each. */

export interface BenchIds {
  /** Huyện Tương Dương: the unit `huyen.tuongduong` is bound to. */
  district: number;
  /** Tỉnh Nghệ An: the unit `phantich.nghean` is bound to. */
  province: number;
  /** Chi bộ bản Xốp Mạt: the cell `bithu.xopmat` is secretary of. */
  cell: number;
  /** Households of the district, visited in turn by the write scenario. */
  households: number[];
  /** A year before today, YYYY-MM-DD. */
  yearAgo: string;
  today: string;
}

export interface Scenario {
  key: string;
  title: string;
  account: string;
  write?: boolean;
  /** Gắn Bó: one request body, or one per call (rotating households). */
  gb: (ids: BenchIds) => { query: string; variables: Record<string, unknown> } | ((n: number) => { query: string; variables: Record<string, unknown> });
  /** PostGraphile: the nearest equivalent, absent when there is none (writes). */
  pgl?: (ids: BenchIds) => { query: string; variables: Record<string, unknown> };
}

const FIGURES = 'households householdsCovered activeMembers membersWithHouseholds activeAssignments visitsOnTime overdue priorityHouseholds priorityHouseholdsCovered';

export const SCENARIOS: Scenario[] = [
  {
    key: 'overview',
    title: '(a) district overview figures',
    account: 'huyen.tuongduong',
    gb: (ids) => ({
      query: `query Overview($id: ID!) { coverage(committeeId: $id) { unit { figures { ${FIGURES} } } children { name figures { ${FIGURES} } } } }`,
      variables: { id: String(ids.district) },
    }),
    // No coverage figures in a generated schema: per commune, per cell, the counts of households
    // and of active members (totalCount of two relations): far less than the nine figures above.
    pgl: (ids) => ({
      query: `query Overview($id: Int!) { committeeByRowId(rowId: $id) { name committeesByParentId { nodes { name cellsByCommitteeId { nodes { householdsByCellId { totalCount } membersByCellId(condition: { status: "active" }) { totalCount } } } } } } }`,
      variables: { id: ids.district },
    }),
  },
  {
    key: 'overdue',
    title: '(b) overdue list, first page',
    account: 'huyen.tuongduong',
    gb: (ids) => ({
      query: `query Overdue($id: ID!) { assignments(committeeId: $id, overdue: true, orderBy: DUE_ON_ASC, first: 50) { nodes { id lastVisitOn dueOn daysOverdue household { headName } member { fullName } } } }`,
      variables: { id: String(ids.district) },
    }),
    // No subtree filter and no "due before today" condition without a filter plugin: every
    // assignment in force, earliest due date first (overdue ones come first; the same rows at
    // district scale, where the database holds one district).
    pgl: () => ({
      query: `query Overdue { allAssignments(condition: { endedOn: null }, orderBy: DUE_ON_ASC, first: 50) { nodes { rowId lastVisitOn dueOn householdByHouseholdId { headName } memberByMemberId { fullName } } } }`,
      variables: {},
    }),
  },
  {
    key: 'cell',
    title: "(c) cell secretary's cell",
    account: 'bithu.xopmat',
    gb: (ids) => ({
      query: `query Cell($id: ID!) { cell(id: $id) { members(first: 50) { nodes { fullName assignments { household { headName lastVisit { visitedOn } } } } } } }`,
      variables: { id: String(ids.cell) },
    }),
    pgl: (ids) => ({
      query: `query Cell($id: Int!) { cellByRowId(rowId: $id) { membersByCellId(first: 50, orderBy: PRIMARY_KEY_ASC) { nodes { fullName assignmentsByMemberId(condition: { endedOn: null }) { nodes { householdByHouseholdId { headName visitsByHouseholdIdAndCellId(orderBy: VISITED_ON_DESC, first: 1) { nodes { visitedOn } } } } } } } } }`,
      variables: { id: ids.cell },
    }),
  },
  {
    key: 'stats',
    title: '(d) visits per week, province',
    account: 'phantich.nghean',
    gb: (ids) => ({
      query: `query Stats($id: ID!, $from: LocalDate!) { visitStats(committeeId: $id, groupBy: [WEEK], from: $from, first: 60) { nodes { period visits } } }`,
      variables: { id: String(ids.province), from: ids.yearAgo },
    }),
    // @graphile/pg-aggregates: visits counted per day of visited_on (it truncates timestamps to
    // hour or day, not dates to weeks: a client would add up 7 days). No date-range condition
    // without a filter plugin: all visits (the generated history is under a year, so the same rows).
    pgl: () => ({
      query: `query Stats { allVisits { groupedAggregates(groupBy: VISITED_ON) { keys distinctCount { rowId } } } }`,
      variables: {},
    }),
  },
  {
    key: 'record',
    title: '(e) recordVisit',
    account: 'huyen.tuongduong',
    write: true,
    gb: (ids) => (n: number) => ({
      query: `mutation Record($h: ID!, $d: LocalDate!) { recordVisit(input: { householdId: $h, visitedOn: $d, notes: "bench" }) { id } }`,
      variables: { h: String(ids.households[n % ids.households.length]), d: ids.today },
    }),
  },
];
