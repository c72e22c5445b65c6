import { Role } from './viewer.js';
import type { Access, Scope } from './scope.js';

/**
 * The authorization policy of Gắn Bó, in one place. Default deny: a field or operation with no
 * entry here is refused (schema-policy.ts enforces it, and a test fails when an entry is missing).
 *
 * Rows: which rows a viewer sees is decided by Scope (scope.ts) inside every query.
 * Fields: for each visible row, the viewer has an Access (full / self / analyst); the table
 * below says which accesses may read each field. A masked field reads as null and the response
 * lists it in `extensions.forbiddenFields`.
 * Operations: who may call each query and mutation; mutations then check their target with
 * the `can*` functions below (a target out of read scope is NOT_FOUND, in scope but not
 * writable is FORBIDDEN).
 */

const ALL: readonly Access[] = ['full', 'self', 'analyst'];
/** Names, contacts, addresses, free text: never for analysts. */
const PERSONAL: readonly Access[] = ['full', 'self'];

export type FieldRule = readonly Access[];

/** type → field → who may read it. `*` covers every field of a type (plain containers). */
export const FIELD_POLICY: Record<string, Record<string, FieldRule>> = {
  Committee: { '*': ALL },
  EffectiveVisitPolicy: { '*': ALL },
  Cell: { '*': ALL },
  Member: {
    id: ALL, cell: ALL, residenceCell: ALL, gender: ALL, birthYear: ALL, partyJoinedOn: ALL, status: ALL,
    exemptReason: ALL, livesInCommune: ALL, assignments: ALL,
    fullName: PERSONAL, phone: PERSONAL, address: PERSONAL, healthNote: PERSONAL,
  },
  HouseholdGroup: { '*': ALL },
  Household: {
    id: ALL, cell: ALL, group: ALL, size: ALL, priorityFlags: ALL, povertyStatus: ALL, isPriority: ALL, lastVisitOn: ALL,
    activeAssignment: ALL, assignments: ALL, povertyHistory: ALL, lastVisit: ALL, visits: ALL,
    headName: PERSONAL, address: PERSONAL, location: PERSONAL,
  },
  HouseholdPoverty: { id: ALL, status: ALL, validFrom: ALL, note: PERSONAL },
  Location: { '*': ALL },
  Assignment: { '*': ALL },
  Visit: {
    id: ALL, kind: ALL, visitedOn: ALL, topics: ALL, hotSpot: ALL, createdAt: ALL, cell: ALL, household: ALL,
    assignment: ALL, recordedBy: ALL, participants: ALL, feedback: ALL,
    notes: PERSONAL, guestParticipants: PERSONAL,
  },
  Feedback: {
    id: ALL, topic: ALL, level: ALL, status: ALL, raisedOn: ALL, answeredAt: ALL, closedAt: ALL, visit: ALL, cell: ALL,
    household: ALL, events: ALL, answerDueOn: ALL, daysOverdue: ALL,
    content: PERSONAL, answer: PERSONAL,
  },
  FeedbackEvent: { id: ALL, at: ALL, fromStatus: ALL, toStatus: ALL, fromLevel: ALL, toLevel: ALL, actor: PERSONAL, note: PERSONAL },
  PageInfo: { '*': ALL },
  // Connections and edges only carry rows that are checked themselves.
  CellConnection: { '*': ALL }, CellEdge: { '*': ALL },
  MemberConnection: { '*': ALL }, MemberEdge: { '*': ALL },
  HouseholdConnection: { '*': ALL }, HouseholdEdge: { '*': ALL },
  AssignmentConnection: { '*': ALL }, AssignmentEdge: { '*': ALL },
  VisitConnection: { '*': ALL }, VisitEdge: { '*': ALL },
  FeedbackConnection: { '*': ALL }, FeedbackEdge: { '*': ALL },
  AuditEntryConnection: { '*': ALL }, AuditEntryEdge: { '*': ALL },
  AccountConnection: { '*': ALL }, AccountEdge: { '*': ALL },
  // Aggregates: served only for units the viewer reads whole (Scope.coversUnit), analysts included.
  CoverageReport: { '*': ALL }, UnitCoverage: { '*': ALL }, CoverageFigures: { '*': ALL },
  // Saved queries are documents, not data: whoever may run one may read it.
  SavedQuery: { '*': ALL }, SavedQueryConnection: { '*': ALL }, SavedQueryEdge: { '*': ALL },
  // Grouped statistics carry no names, contacts, addresses or free text.
  VisitStatRow: { '*': ALL }, VisitStatRowConnection: { '*': ALL }, VisitStatRowEdge: { '*': ALL },
  FeedbackStatRow: { '*': ALL }, FeedbackStatRowConnection: { '*': ALL }, FeedbackStatRowEdge: { '*': ALL },
  StatUnit: { '*': ALL }, GradeCount: { '*': ALL },
  // Classification: served only to the cell's secretary and committee staff over it (classification.service.ts).
  ClassificationSheet: { '*': ALL }, MemberClassificationRow: { '*': ALL }, CellClassificationRow: { '*': ALL },
  MemberIndicators: { '*': ALL }, CellIndicators: { '*': ALL }, CellClassificationStatus: { '*': ALL },
  // The map: outlines are aggregates on a ~200 m grid; households are listed only to viewers who may locate them (map.service.ts).
  CoverageMap: { '*': ALL }, MapArea: { '*': ALL }, MapBounds: { '*': ALL }, MapHousehold: { '*': ALL },
  // Only ever built for the signed-in viewer, by committee staff (audit) or by admins (accounts).
  Session: { '*': ALL },
  Viewer: { '*': ALL },
  Account: { '*': ALL },
  RoleBinding: { '*': ALL },
  AuditEntry: { '*': ALL },
};

/** Who may call an operation at all: anyone, any signed-in viewer, or viewers holding one of the roles. */
export type OperationRule = 'public' | 'authenticated' | readonly Role[];

const STAFF_OR_SECRETARY = [Role.COMMITTEE_STAFF, Role.CELL_SECRETARY] as const;
const FIELD_WORKERS = [Role.COMMITTEE_STAFF, Role.CELL_SECRETARY, Role.MEMBER] as const;
const READERS = [Role.COMMITTEE_STAFF, Role.CELL_SECRETARY, Role.MEMBER, Role.ANALYST] as const;

export type RootType = 'Query' | 'Mutation' | 'Subscription';

export const OPERATION_POLICY: Record<RootType, Record<string, OperationRule>> = {
  Query: {
    viewer: 'public',
    // The org tree: every signed-in role navigates it (rows limited by scope).
    committees: 'authenticated', committee: 'authenticated', cells: 'authenticated', cell: 'authenticated',
    members: READERS, member: READERS, households: READERS, household: READERS,
    assignments: READERS, assignment: READERS, visits: READERS, visit: READERS,
    feedbackItems: READERS, feedback: READERS,
    coverage: READERS, coverageMap: READERS,
    savedQueries: 'authenticated',
    visitStats: READERS, feedbackStats: READERS, classificationSummary: READERS,
    classificationSheet: STAFF_OR_SECRETARY, classificationOverview: [Role.COMMITTEE_STAFF],
    auditLog: [Role.COMMITTEE_STAFF, Role.ADMIN],
    accounts: [Role.ADMIN],
  },
  Mutation: {
    login: 'public', refreshSession: 'public', logout: 'public',
    changePassword: 'authenticated',
    assignHousehold: STAFF_OR_SECRETARY, unassignHousehold: STAFF_OR_SECRETARY, setMemberStatus: STAFF_OR_SECRETARY,
    recordVisit: FIELD_WORKERS, raiseFeedback: FIELD_WORKERS,
    escalateFeedback: STAFF_OR_SECRETARY, answerFeedback: STAFF_OR_SECRETARY, closeFeedback: STAFF_OR_SECRETARY,
    createAccount: [Role.ADMIN], grantRole: [Role.ADMIN], revokeRole: [Role.ADMIN], setAccountDisabled: [Role.ADMIN],
    createCommittee: [Role.ADMIN], createCell: [Role.ADMIN],
    setMemberClassification: STAFF_OR_SECRETARY, setCellClassification: STAFF_OR_SECRETARY, submitClassification: STAFF_OR_SECRETARY,
    rateResidentMember: STAFF_OR_SECRETARY,
    approveClassification: [Role.COMMITTEE_STAFF], returnClassification: [Role.COMMITTEE_STAFF],
    saveQuery: 'authenticated', deleteSavedQuery: 'authenticated',
  },
  // Events are filtered per subscriber by the same scope and field policy as queries.
  Subscription: {
    coverageChanged: READERS, visitRecorded: READERS, assignmentChanged: READERS, feedbackChanged: READERS,
  },
};

export function operationAllowed(rule: OperationRule, scope: Scope): boolean {
  if (rule === 'public') return true;
  if (!scope.viewer) return false;
  if (rule === 'authenticated') return true;
  return rule.some((role) => scope.has(role));
}

export function fieldRule(type: string, field: string): FieldRule | undefined {
  const rules = FIELD_POLICY[type];
  return rules?.[field] ?? rules?.['*'];
}

/** A committee path is inside one of the prefixes (`/1/5/%`). */
const within = (path: string, prefixes: readonly string[]) => prefixes.some((p) => path.startsWith(p.slice(0, -1)));

/** A unit's people data may be changed: committee staff over it, or the cell's secretary. */
export function canManageCell(scope: Scope, cell: { id: number; path: string }): boolean {
  return within(cell.path, scope.fullPrefixes) || scope.secretaryCells.includes(cell.id);
}

/** Feedback is acted on at its level: the cell by its secretary, the commune and above by committee staff covering it. */
export function canActOnFeedback(scope: Scope, level: 'cell' | 'commune' | 'district', cell: { id: number; path: string }): boolean {
  if (level === 'cell' && canManageCell(scope, cell)) return true;
  // cell.path is the cell's committee (the commune): staff there act at commune level, staff above it at district level.
  return scope.fullPrefixes.some((prefix) => {
    const staffPath = prefix.slice(0, -1);
    if (!cell.path.startsWith(staffPath)) return false;
    return level === 'district' ? staffPath.length < cell.path.length : true;
  });
}

/** A cell's classification may be approved or returned: committee staff over the cell (its commune or above), not its secretary. */
export function canApproveClassification(scope: Scope, cell: { path: string }): boolean {
  return scope.has(Role.COMMITTEE_STAFF) && within(cell.path, scope.fullPrefixes);
}

/** Units (committees, cells) and accounts bound to them may be administered. */
export function canAdminister(scope: Scope, path: string | null): boolean {
  if (!scope.has(Role.ADMIN)) return false;
  if (scope.adminPrefixes.includes('/%')) return true;
  return path !== null && within(path, scope.adminPrefixes);
}
