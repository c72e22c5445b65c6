import { registerEnumType } from 'type-graphql';
import type { SortKey } from './list.js';

/** Orders of the lists. Each maps to a keyset sort; ties break on id. Masked fields (names) are never sort keys. */
export enum VisitOrder { NEWEST_RECORDED = 'newest', VISITED_ON_DESC = 'visited_desc', VISITED_ON_ASC = 'visited_asc' }
registerEnumType(VisitOrder, {
  name: 'VisitOrder', description: 'Order of a list of visits.',
  valuesConfig: {
    NEWEST_RECORDED: { description: 'Most recently recorded first (default).' },
    VISITED_ON_DESC: { description: 'Latest visit date first.' },
    VISITED_ON_ASC: { description: 'Earliest visit date first.' },
  },
});

export enum FeedbackOrder { NEWEST = 'newest', RAISED_ON_ASC = 'raised_asc', RAISED_ON_DESC = 'raised_desc', ANSWER_DUE_ON_ASC = 'answer_due_asc' }
registerEnumType(FeedbackOrder, {
  name: 'FeedbackOrder', description: 'Order of a list of feedback.',
  valuesConfig: {
    NEWEST: { description: 'Most recently recorded first (default).' },
    RAISED_ON_ASC: { description: 'Oldest raised first: who has waited longest.' },
    RAISED_ON_DESC: { description: 'Latest raised first.' },
    ANSWER_DUE_ON_ASC: { description: 'Earliest answer deadline first: the most overdue answers first.' },
  },
});

export enum HouseholdOrder { ID = 'id', LAST_VISIT_ON_ASC = 'last_visit_asc', SIZE_DESC = 'size_desc', PRIORITY_FIRST = 'priority_first' }
registerEnumType(HouseholdOrder, {
  name: 'HouseholdOrder', description: 'Order of a list of households.',
  valuesConfig: {
    ID: { description: 'As registered (default).' },
    LAST_VISIT_ON_ASC: { description: 'Never visited first, then least recently visited.' },
    SIZE_DESC: { description: 'Largest households first.' },
    PRIORITY_FIRST: { description: 'Priority households (any flag, poor or near-poor) first, then as registered.' },
  },
});

export enum AssignmentOrder { ID = 'id', LAST_VISIT_ON_ASC = 'last_visit_asc', STARTED_ON_DESC = 'started_desc', DUE_ON_ASC = 'due_asc', DUE_ON_DESC = 'due_desc' }
registerEnumType(AssignmentOrder, {
  name: 'AssignmentOrder', description: 'Order of a list of assignments.',
  valuesConfig: {
    ID: { description: 'As made (default).' },
    LAST_VISIT_ON_ASC: { description: 'Never visited first, then least recently visited: the most overdue first.' },
    STARTED_ON_DESC: { description: 'Newest assignments first.' },
    DUE_ON_ASC: { description: 'Earliest due date first: the most days overdue first.' },
    DUE_ON_DESC: { description: 'Latest due date first: the least overdue first.' },
  },
});

export enum MemberOrder { ID = 'id', PARTY_JOINED_ON_ASC = 'joined_asc' }
registerEnumType(MemberOrder, {
  name: 'MemberOrder', description: 'Order of a list of members.',
  valuesConfig: {
    ID: { description: 'As registered (default).' },
    PARTY_JOINED_ON_ASC: { description: 'Longest in the party first (tuổi Đảng).' },
  },
});

const NEVER = `'0001-01-01'::date`;

/** A priority household on alias `t`: any priority flag, or poor or near-poor (as Household.isPriority). */
export const PRIORITY_SQL = `t.priority_flags <> '{}' or t.poverty_status <> 'none'`;

export const SORTS: Record<string, SortKey | 'asc' | 'desc'> = {
  newest: 'desc',
  visited_desc: { expr: 't.visited_on', direction: 'desc' },
  visited_asc: { expr: 't.visited_on', direction: 'asc' },
  raised_asc: { expr: 't.raised_on', direction: 'asc' },
  raised_desc: { expr: 't.raised_on', direction: 'desc' },
  answer_due_asc: { expr: 't.answer_due_on', direction: 'asc' },
  id: 'asc',
  last_visit_asc: { expr: `coalesce(t.last_visit_on, ${NEVER})`, direction: 'asc' },
  size_desc: { expr: 't.size', direction: 'desc' },
  priority_first: { expr: `(case when ${PRIORITY_SQL} then 0 else 1 end)`, direction: 'asc' },
  started_desc: { expr: 't.started_on', direction: 'desc' },
  due_asc: { expr: 't.due_on', direction: 'asc' },
  due_desc: { expr: 't.due_on', direction: 'desc' },
  joined_asc: { expr: `coalesce(t.party_joined_on, '9999-12-31'::date)`, direction: 'asc' },
};
