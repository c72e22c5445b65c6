import type { FeedbackLevel, FeedbackStatus } from '../../gql/graphql';

/** One dated step, in the words of the feedback's life (its i18n key and what fills it). */
export function eventWords(event: { toStatus: FeedbackStatus; toLevel: FeedbackLevel }): { key: string; level: FeedbackLevel; status: FeedbackStatus } {
  const keys: Record<FeedbackStatus, string> = {
    RAISED: 'feedback.event.raised',
    ESCALATED: 'feedback.event.escalated',
    ANSWERED_ON_THE_SPOT: 'feedback.event.answeredOnSpot',
    ANSWERED_IN_WRITING: 'feedback.event.answeredInWriting',
    CLOSED: 'feedback.event.closed',
  };
  return { key: keys[event.toStatus], level: event.toLevel, status: event.toStatus };
}
