import { isLocalDate } from '../../dates/local-date';
import type { MemberStatus, PovertyStatus, PriorityFlag } from '../../gql/graphql';

/** Each member attaches to one or two households (the programme's rule); more is allowed but worth a second look. */
export const RECOMMENDED_MAX_HOUSEHOLDS = 2;

interface MemberLike {
  id: string;
  status: MemberStatus;
  livesInCommune: boolean;
  assignments: readonly unknown[];
}

interface HouseholdLike {
  id: string;
  isPriority: boolean;
  priorityFlags: readonly PriorityFlag[];
  povertyStatus: PovertyStatus;
}

/** How many households the member holds now. */
export function memberLoad(member: Pick<MemberLike, 'assignments'>): number {
  return member.assignments.length;
}

/** Exempt members (miễn sinh hoạt) are excluded from the programme: listed, but not offered. */
export function canBeAssigned(member: Pick<MemberLike, 'status'>): boolean {
  return member.status === 'ACTIVE';
}

/** The load a member would carry with one more household, when that goes past the recommendation. */
export function overloadAfterAssigning(member: Pick<MemberLike, 'assignments'> | null | undefined): number | null {
  if (!member) return null;
  const next = memberLoad(member) + 1;
  return next > RECOMMENDED_MAX_HOUSEHOLDS ? next : null;
}

/** Poor before near-poor before other priority households; the more reasons, the earlier. */
function priorityRank(household: HouseholdLike): number {
  const poverty = household.povertyStatus === 'POOR' ? 2 : household.povertyStatus === 'NEAR_POOR' ? 1 : 0;
  return (household.isPriority ? 100 : 0) + poverty * 10 + household.priorityFlags.length;
}

export type HouseholdFilter = 'all' | 'priority';

/** Free households as the secretary works through them: priority households first, then as registered. */
export function orderHouseholds<T extends HouseholdLike>(households: readonly T[], filter: HouseholdFilter): T[] {
  return households
    .filter((household) => filter === 'all' || household.isPriority)
    .map((household, index) => ({ household, index, rank: priorityRank(household) }))
    .sort((a, b) => b.rank - a.rank || a.index - b.index)
    .map(({ household }) => household);
}

export interface AssignmentForm {
  householdId: string;
  memberId: string;
  /** Empty: the API takes today. */
  startedOn: string;
}

export interface FormProblem {
  field: 'householdId' | 'memberId' | 'startedOn';
  key: string;
}

/** What stops the form from being sent; the API checks the same rules again and has the last word. */
export function validateAssignment(
  form: AssignmentForm,
  context: { members: readonly MemberLike[]; households: readonly HouseholdLike[]; today: string },
): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!form.householdId) problems.push({ field: 'householdId', key: 'assignments.form.householdRequired' });
  else if (!context.households.some((household) => household.id === form.householdId)) {
    problems.push({ field: 'householdId', key: 'assignments.form.householdTaken' });
  }
  const member = context.members.find((candidate) => candidate.id === form.memberId);
  if (!form.memberId || !member) problems.push({ field: 'memberId', key: 'assignments.form.memberRequired' });
  else if (!canBeAssigned(member)) problems.push({ field: 'memberId', key: 'domainError.MEMBER_EXEMPT' });
  if (form.startedOn) {
    if (!isLocalDate(form.startedOn)) problems.push({ field: 'startedOn', key: 'assignments.form.badDate' });
    else if (form.startedOn > context.today) problems.push({ field: 'startedOn', key: 'assignments.form.futureDate' });
  }
  return problems;
}
