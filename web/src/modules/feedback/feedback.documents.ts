import { graphql } from '../../gql';

/** Feedback shown per page of the inbox; "more" asks for this many again. */
export const INBOX_PAGE_SIZE = 25;
/**
 * The most one request asks for (the API's page limit for secretaries and members). The dated
 * history is left out of the list and read when opened: with it, 100 feedback would cost more
 * than a secretary may ask for at once.
 */
export const INBOX_MAX = 100;

export const InboxFeedbackFragment = graphql(`
  fragment InboxFeedback on Feedback {
    id
    topic
    content
    level
    status
    raisedOn
    answer
    answeredAt
    closedAt
    answerDueOn
    daysOverdue
    household {
      id
      headName
    }
    cell {
      id
      name
      committee {
        id
      }
    }
  }
`);

export const FeedbackHistoryFragment = graphql(`
  fragment FeedbackHistory on Feedback {
    id
    events {
      id
      at
      fromStatus
      toStatus
      fromLevel
      toLevel
      actor
      note
    }
  }
`);

export const FeedbackHistoryQuery = graphql(`
  query FeedbackHistory($id: ID!) {
    feedback(id: $id) {
      ...FeedbackHistory
    }
  }
`);

export const FeedbackInboxQuery = graphql(`
  query FeedbackInbox(
    $committeeId: ID
    $cellId: ID
    $statuses: [FeedbackStatus!]
    $level: FeedbackLevel
    $topic: Topic
    $overdue: Boolean
    $orderBy: FeedbackOrder!
    $first: Int!
  ) {
    feedbackItems(
      committeeId: $committeeId
      cellId: $cellId
      statuses: $statuses
      level: $level
      topic: $topic
      overdue: $overdue
      orderBy: $orderBy
      first: $first
    ) {
      totalCount
      pageInfo {
        hasNextPage
      }
      nodes {
        ...InboxFeedback
      }
    }
  }
`);

/** How many wait in each tab, and how many of the open ones are late: the numbers on the tabs. */
export const FeedbackInboxCountsQuery = graphql(`
  query FeedbackInboxCounts($committeeId: ID, $cellId: ID, $level: FeedbackLevel, $topic: Topic) {
    open: feedbackItems(committeeId: $committeeId, cellId: $cellId, level: $level, topic: $topic, statuses: [RAISED, ESCALATED], first: 0) {
      totalCount
    }
    overdue: feedbackItems(committeeId: $committeeId, cellId: $cellId, level: $level, topic: $topic, overdue: true, first: 0) {
      totalCount
    }
    answered: feedbackItems(
      committeeId: $committeeId
      cellId: $cellId
      level: $level
      topic: $topic
      statuses: [ANSWERED_ON_THE_SPOT, ANSWERED_IN_WRITING]
      first: 0
    ) {
      totalCount
    }
    closed: feedbackItems(committeeId: $committeeId, cellId: $cellId, level: $level, topic: $topic, statuses: [CLOSED], first: 0) {
      totalCount
    }
  }
`);

export const EscalateFeedbackMutation = graphql(`
  mutation EscalateFeedback($input: EscalateFeedbackInput!) {
    escalateFeedback(input: $input) {
      ...InboxFeedback
      ...FeedbackHistory
    }
  }
`);

export const AnswerFeedbackMutation = graphql(`
  mutation AnswerFeedback($input: AnswerFeedbackInput!) {
    answerFeedback(input: $input) {
      ...InboxFeedback
      ...FeedbackHistory
    }
  }
`);

export const CloseFeedbackMutation = graphql(`
  mutation CloseFeedback($input: CloseFeedbackInput!) {
    closeFeedback(input: $input) {
      ...InboxFeedback
      ...FeedbackHistory
    }
  }
`);

export const FeedbackChangedSubscription = graphql(`
  subscription FeedbackChanged($committeeId: ID, $cellId: ID) {
    feedbackChanged(committeeId: $committeeId, cellId: $cellId) {
      id
    }
  }
`);
