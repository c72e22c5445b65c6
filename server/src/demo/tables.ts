/** Row shapes of the demo data, one per table, and the column order they are copied in. */

export type Scale = 'demo' | 'district' | 'province';
export const SCALES: readonly Scale[] = ['demo', 'district', 'province'];

export type CommitteeKind = 'province' | 'district' | 'town' | 'city' | 'commune' | 'ward' | 'township' | 'bloc' | 'grassroots';
export type CellKind = 'village' | 'hamlet' | 'residential_group' | 'agency' | 'enterprise' | 'other';
export type PovertyStatus = 'none' | 'near_poor' | 'poor';
export type FeedbackStatus = 'raised' | 'answered_on_the_spot' | 'escalated' | 'answered_in_writing' | 'closed';
export type FeedbackLevel = 'cell' | 'commune' | 'district';
export type Grade = 'excellent' | 'good' | 'complete' | 'incomplete';

export interface CommitteeRow { id: number; parent_id: number | null; kind: CommitteeKind; name: string; code: string }
export interface VisitPolicyRow { committee_id: number; regular_interval_days: number; non_regular_interval_days: number }
export interface CellRow { id: number; committee_id: number; kind: CellKind; name: string }
export interface MemberRow {
  id: number; cell_id: number; residence_cell_id: number | null; full_name: string; gender: 'male' | 'female';
  birth_year: number; party_joined_on: string; status: 'active' | 'exempt';
  exempt_reason: 'age' | 'illness' | 'mobility' | 'other' | null; lives_in_commune: boolean;
  phone: string | null; address: string; health_note: string | null;
}
export interface HouseholdGroupRow { id: number; cell_id: number; name: string }
export interface HouseholdRow {
  id: number; cell_id: number; group_id: number | null; head_name: string; address: string;
  lat: number; lng: number; size: number; priority_flags: string[]; poverty_status: PovertyStatus;
  last_visit_on: string | null;
}
export interface HouseholdPovertyRow { id: number; household_id: number; status: PovertyStatus; valid_from: string; note: string | null }
export interface AssignmentRow {
  id: number; member_id: number; household_id: number; cell_id: number; mode: 'regular' | 'non_regular'; started_on: string;
  ended_on: string | null; end_reason: string | null; last_visit_on: string | null; created_at: string;
}
export interface VisitRow {
  id: number; kind: 'home_visit' | 'delegation' | 'group_activity'; cell_id: number; household_id: number | null;
  assignment_id: number | null; recorded_by_member_id: number | null; visited_on: string; topics: string[];
  notes: string | null; hot_spot: boolean; guest_participants: string | null; created_at: string;
}
export interface VisitParticipantRow { visit_id: number; member_id: number }
export interface FeedbackRow {
  id: number; visit_id: number; cell_id: number; household_id: number | null; topic: string; content: string;
  level: FeedbackLevel; status: FeedbackStatus; answer: string | null; raised_on: string;
  answered_at: string | null; closed_at: string | null; created_at: string; updated_at: string;
}
export interface FeedbackEventRow {
  id: number; feedback_id: number; at: string; from_status: FeedbackStatus | null; to_status: FeedbackStatus;
  from_level: FeedbackLevel | null; to_level: FeedbackLevel; actor: string | null; note: string | null;
}
export interface MemberClassificationRow {
  id: number; member_id: number; year: number; grade: Grade | null; comment: string | null;
  submitted_at: string | null; approved_at: string | null; approved_by: string | null;
}
export interface CellClassificationRow {
  id: number; cell_id: number; year: number; grade: Grade | null; comment: string | null;
  submitted_at: string | null; approved_at: string | null; approved_by: string | null;
}
export interface ResidenceRatingRow { id: number; member_id: number; cell_id: number; year: number; rating: 'good' | 'fair' | 'poor'; comment: string | null }

/** Tables filled commune by commune, in an order that satisfies every foreign key. */
export interface CommuneBatch {
  member: MemberRow[];
  household_group: HouseholdGroupRow[];
  household: HouseholdRow[];
  household_poverty: HouseholdPovertyRow[];
  assignment: AssignmentRow[];
  visit: VisitRow[];
  visit_participant: VisitParticipantRow[];
  feedback: FeedbackRow[];
  feedback_event: FeedbackEventRow[];
  member_classification: MemberClassificationRow[];
  cell_classification: CellClassificationRow[];
  residence_rating: ResidenceRatingRow[];
}
export type BatchTable = keyof CommuneBatch;

export const BATCH_TABLES: readonly BatchTable[] = [
  'member', 'household_group', 'household', 'household_poverty', 'assignment', 'visit', 'visit_participant',
  'feedback', 'feedback_event', 'member_classification', 'cell_classification', 'residence_rating',
];

export function emptyBatch(): CommuneBatch {
  return {
    member: [], household_group: [], household: [], household_poverty: [], assignment: [], visit: [],
    visit_participant: [], feedback: [], feedback_event: [], member_classification: [], cell_classification: [],
    residence_rating: [],
  };
}

type Columns<T> = readonly (keyof T & string)[];

export const COLUMNS = {
  committee: ['id', 'parent_id', 'kind', 'name', 'code'] as Columns<CommitteeRow>,
  visit_policy: ['committee_id', 'regular_interval_days', 'non_regular_interval_days'] as Columns<VisitPolicyRow>,
  cell: ['id', 'committee_id', 'kind', 'name'] as Columns<CellRow>,
  member: ['id', 'cell_id', 'residence_cell_id', 'full_name', 'gender', 'birth_year', 'party_joined_on', 'status',
    'exempt_reason', 'lives_in_commune', 'phone', 'address', 'health_note'] as Columns<MemberRow>,
  household_group: ['id', 'cell_id', 'name'] as Columns<HouseholdGroupRow>,
  household: ['id', 'cell_id', 'group_id', 'head_name', 'address', 'lat', 'lng', 'size', 'priority_flags',
    'poverty_status', 'last_visit_on'] as Columns<HouseholdRow>,
  household_poverty: ['id', 'household_id', 'status', 'valid_from', 'note'] as Columns<HouseholdPovertyRow>,
  assignment: ['id', 'member_id', 'household_id', 'cell_id', 'mode', 'started_on', 'ended_on', 'end_reason', 'last_visit_on',
    'created_at'] as Columns<AssignmentRow>,
  visit: ['id', 'kind', 'cell_id', 'household_id', 'assignment_id', 'recorded_by_member_id', 'visited_on', 'topics',
    'notes', 'hot_spot', 'guest_participants', 'created_at'] as Columns<VisitRow>,
  visit_participant: ['visit_id', 'member_id'] as Columns<VisitParticipantRow>,
  feedback: ['id', 'visit_id', 'cell_id', 'household_id', 'topic', 'content', 'level', 'status', 'answer', 'raised_on',
    'answered_at', 'closed_at', 'created_at', 'updated_at'] as Columns<FeedbackRow>,
  feedback_event: ['id', 'feedback_id', 'at', 'from_status', 'to_status', 'from_level', 'to_level', 'actor',
    'note'] as Columns<FeedbackEventRow>,
  member_classification: ['id', 'member_id', 'year', 'grade', 'comment', 'submitted_at', 'approved_at',
    'approved_by'] as Columns<MemberClassificationRow>,
  cell_classification: ['id', 'cell_id', 'year', 'grade', 'comment', 'submitted_at', 'approved_at',
    'approved_by'] as Columns<CellClassificationRow>,
  residence_rating: ['id', 'member_id', 'cell_id', 'year', 'rating', 'comment'] as Columns<ResidenceRatingRow>,
} as const;

export type TableName = keyof typeof COLUMNS;

/** The topics a visit or a feedback may carry: `TOPICS` in the domain migration. */
export const TOPICS = [
  'livelihood', 'poverty', 'land', 'environment', 'drinking_water', 'health_insurance', 'health', 'education',
  'social_evils', 'security_order', 'fraud', 'theft', 'traffic', 'construction', 'infrastructure', 'policy',
  'religion', 'conflict', 'other',
] as const;
export type Topic = (typeof TOPICS)[number];
