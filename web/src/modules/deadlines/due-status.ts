import { daysBetween } from '../../dates/local-date';

/**
 * How a deadline reads to the person who must meet it: a visit due under an assignment
 * (`Assignment.dueOn`), an answer due from a level (`Feedback.answerDueOn`).
 */
export type DueTone = 'none' | 'overdue' | 'today' | 'soon' | 'later';

export interface DueStatus {
  tone: DueTone;
  /** Days overdue (tone overdue) or days left (soon, later); 0 otherwise. */
  days: number;
  /** The due date itself, for the words "hạn 23/11/2026". */
  dueOn: string | null;
}

/** Deadlines this close are shown as coming up, not merely as a date. */
export const SOON_DAYS = 3;

/**
 * The server's `daysOverdue` says whether a deadline has passed (its clock and policy decide);
 * the days left are counted from the viewer's today.
 */
export function dueStatus(due: { dueOn: string | null | undefined; daysOverdue: number | null | undefined }, today: string): DueStatus {
  const dueOn = due.dueOn ?? null;
  if (!dueOn) return { tone: 'none', days: 0, dueOn: null };
  const overdue = due.daysOverdue ?? 0;
  if (overdue > 0) return { tone: 'overdue', days: overdue, dueOn };
  const left = daysBetween(today, dueOn);
  // The server says not overdue while this device's calendar is already past: trust the server, call it today.
  if (left <= 0) return { tone: 'today', days: 0, dueOn };
  return { tone: left <= SOON_DAYS ? 'soon' : 'later', days: left, dueOn };
}
