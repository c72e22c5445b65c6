import { isLocalDate } from '../../dates/local-date';
import type { RecordVisitInput, Topic, VisitKind } from '../../gql/graphql';

/** One thing the household raised, as the member writes it down. */
export interface FeedbackDraft {
  /** Stable key for the list while editing; not sent. */
  key: string;
  topic: Topic | '';
  content: string;
  /** The member answered it on the spot (đã trả lời tại chỗ). */
  answered: boolean;
  answer: string;
}

/** The visit form as typed so far: what is kept on the phone until the API has it. */
export interface VisitDraft {
  /** Made once per draft and sent with it: a resend after a lost answer cannot record the visit twice. */
  clientRef: string;
  householdId: string;
  /** Shown while offline, when the household cannot be loaded. */
  householdName: string | null;
  visitedOn: string;
  kind: VisitKind;
  topics: Topic[];
  notes: string;
  hotSpot: boolean;
  participantIds: string[];
  guestParticipants: string;
  feedback: FeedbackDraft[];
}

/** The API's limits (server/src/modules/visit/visit.input.ts), checked before sending. */
export const LIMITS = { notes: 4000, guests: 500, feedback: 20, content: { min: 3, max: 4000 }, answer: { min: 2, max: 4000 } } as const;

/** Earliest visit date the API accepts. */
const FIRST_DAY = '2000-01-01';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const isClientRef = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A random (version 4) UUID; `crypto.randomUUID` exists only on HTTPS pages, a LAN server may serve plain HTTP. */
export function newClientRef(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function emptyDraft(householdId: string, today: string, householdName: string | null = null): VisitDraft {
  return {
    clientRef: newClientRef(),
    householdId,
    householdName,
    visitedOn: today,
    kind: 'HOME_VISIT',
    topics: [],
    notes: '',
    hotSpot: false,
    participantIds: [],
    guestParticipants: '',
    feedback: [],
  };
}

let nextKey = 0;
export function emptyFeedback(): FeedbackDraft {
  nextKey += 1;
  return { key: `f${Date.now().toString(36)}${nextKey}`, topic: '', content: '', answered: false, answer: '' };
}

/** A problem with one field of the form; `feedback.1.content` names the second feedback's text, as the API does. */
export interface VisitProblem {
  field: string;
  key: string;
  values?: Record<string, number>;
}

export function validateVisit(draft: VisitDraft, today: string): VisitProblem[] {
  const problems: VisitProblem[] = [];
  if (!draft.visitedOn || !isLocalDate(draft.visitedOn)) problems.push({ field: 'visitedOn', key: 'visits.form.errors.dateRequired' });
  else if (draft.visitedOn > today) problems.push({ field: 'visitedOn', key: 'domainError.VISIT_IN_FUTURE' });
  else if (draft.visitedOn < FIRST_DAY) problems.push({ field: 'visitedOn', key: 'visits.form.errors.dateTooOld' });
  if (draft.notes.length > LIMITS.notes) problems.push({ field: 'notes', key: 'visits.form.errors.tooLong', values: { max: LIMITS.notes } });
  if (draft.guestParticipants.length > LIMITS.guests) {
    problems.push({ field: 'guestParticipants', key: 'visits.form.errors.tooLong', values: { max: LIMITS.guests } });
  }
  draft.feedback.forEach((item, index) => {
    if (!item.topic) problems.push({ field: `feedback.${index}.topic`, key: 'visits.form.errors.feedbackTopic' });
    const content = item.content.trim();
    if (content.length < LIMITS.content.min) problems.push({ field: `feedback.${index}.content`, key: 'visits.form.errors.feedbackContent', values: { min: LIMITS.content.min } });
    else if (content.length > LIMITS.content.max) problems.push({ field: `feedback.${index}.content`, key: 'visits.form.errors.tooLong', values: { max: LIMITS.content.max } });
    if (item.answered) {
      const answer = item.answer.trim();
      if (answer.length < LIMITS.answer.min) problems.push({ field: `feedback.${index}.answer`, key: 'visits.form.errors.feedbackAnswer' });
      else if (answer.length > LIMITS.answer.max) problems.push({ field: `feedback.${index}.answer`, key: 'visits.form.errors.tooLong', values: { max: LIMITS.answer.max } });
    }
  });
  return problems;
}

/**
 * What the API is sent. A feedback's topic was discussed on the visit, so it joins the visit's
 * topics; blank optional texts are left out rather than saved empty.
 */
export function toRecordVisitInput(draft: VisitDraft): RecordVisitInput {
  const feedback = draft.feedback.map((item) => ({
    topic: item.topic as Topic,
    content: item.content.trim(),
    ...(item.answered && item.answer.trim() ? { answer: item.answer.trim() } : {}),
  }));
  const topics = [...new Set([...draft.topics, ...feedback.map((item) => item.topic)])];
  return {
    clientRef: draft.clientRef,
    householdId: draft.householdId,
    visitedOn: draft.visitedOn,
    kind: draft.kind,
    topics,
    hotSpot: draft.hotSpot,
    notes: draft.notes.trim() || null,
    guestParticipants: draft.guestParticipants.trim() || null,
    ...(draft.participantIds.length ? { participantIds: draft.participantIds } : {}),
    ...(feedback.length ? { feedback } : {}),
  };
}

/** Whether the member has typed anything worth keeping beyond the defaults. */
export function hasContent(draft: VisitDraft, today: string): boolean {
  return (
    draft.topics.length > 0 ||
    draft.notes.trim() !== '' ||
    draft.hotSpot ||
    draft.participantIds.length > 0 ||
    draft.guestParticipants.trim() !== '' ||
    draft.feedback.length > 0 ||
    draft.kind !== 'HOME_VISIT' ||
    draft.visitedOn !== today
  );
}
