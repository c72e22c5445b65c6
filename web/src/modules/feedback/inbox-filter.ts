import type { FeedbackInboxQueryVariables, FeedbackLevel, FeedbackOrder, FeedbackStatus, Topic } from '../../gql/graphql';

/** The inbox's three tabs: waiting for an answer, answered, closed. */
export type InboxTab = 'open' | 'answered' | 'closed';

export const TAB_STATUSES: Record<InboxTab, FeedbackStatus[]> = {
  open: ['RAISED', 'ESCALATED'],
  answered: ['ANSWERED_ON_THE_SPOT', 'ANSWERED_IN_WRITING'],
  closed: ['CLOSED'],
};

export interface InboxFilter {
  tab: InboxTab;
  level: FeedbackLevel | '';
  topic: Topic | '';
  /** Only open feedback past its answer deadline. */
  overdueOnly: boolean;
}

export const DEFAULT_FILTER: InboxFilter = { tab: 'open', level: '', topic: '', overdueOnly: false };

export type InboxUnit = { kind: 'committee' | 'cell'; id: string };

/**
 * The query for a tab: open feedback by answer deadline, the most overdue first (who has waited
 * longest past the promise); answered and closed ones newest first.
 */
export function inboxVariables(unit: InboxUnit, filter: InboxFilter, first: number): FeedbackInboxQueryVariables {
  const orderBy: FeedbackOrder = filter.tab === 'open' ? 'ANSWER_DUE_ON_ASC' : 'NEWEST';
  return {
    ...(unit.kind === 'committee' ? { committeeId: unit.id } : { cellId: unit.id }),
    statuses: TAB_STATUSES[filter.tab],
    level: filter.level || null,
    topic: filter.topic || null,
    overdue: filter.tab === 'open' && filter.overdueOnly ? true : null,
    orderBy,
    first,
  };
}

/** Reads a filter from the address (`?tab=answered&level=COMMUNE`), ignoring what it does not know. */
export function filterFromQuery(query: Record<string, unknown>, levels: readonly string[], topics: readonly string[]): InboxFilter {
  const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
  const tab = one(query.tab);
  const level = one(query.level);
  const topic = one(query.topic);
  return {
    tab: tab === 'answered' || tab === 'closed' ? tab : 'open',
    level: typeof level === 'string' && levels.includes(level) ? (level as FeedbackLevel) : '',
    topic: typeof topic === 'string' && topics.includes(topic) ? (topic as Topic) : '',
    overdueOnly: one(query.overdue) === '1',
  };
}
