import type { FeedbackLevel, FeedbackStatus, Role } from '../../gql/graphql';

/** What can be done to a feedback from the inbox (raising happens on a visit). */
export type FeedbackAction = 'answer' | 'escalate' | 'close';

/** The level a feedback goes to when passed up: cell → commune → district or provincial agency. */
export function nextLevel(level: FeedbackLevel): FeedbackLevel | null {
  return level === 'CELL' ? 'COMMUNE' : level === 'COMMUNE' ? 'DISTRICT' : null;
}

/**
 * The steps the feedback's life allows from where it is (the database's feedback_check_transition):
 * open feedback is answered or passed up; an answer the household does not accept goes up a level,
 * an accepted one is closed; a closed one stays closed.
 */
export function stepsFrom(status: FeedbackStatus, level: FeedbackLevel): FeedbackAction[] {
  const up = nextLevel(level) ? (['escalate'] as const) : [];
  switch (status) {
    case 'RAISED':
    case 'ESCALATED':
      return ['answer', ...up];
    case 'ANSWERED_ON_THE_SPOT':
    case 'ANSWERED_IN_WRITING':
      return ['close', ...up];
    case 'CLOSED':
      return [];
  }
}

/** The viewer's role bindings as far as feedback is concerned. */
export interface FeedbackActor {
  secretaryCells: ReadonlySet<string>;
  staffCommittees: ReadonlySet<string>;
}

export function feedbackActor(viewer: { roles: readonly { role: Role; committee?: { id: string } | null; cell?: { id: string } | null }[] } | null | undefined): FeedbackActor {
  const secretaryCells = new Set<string>();
  const staffCommittees = new Set<string>();
  for (const binding of viewer?.roles ?? []) {
    if (binding.role === 'CELL_SECRETARY' && binding.cell) secretaryCells.add(binding.cell.id);
    if (binding.role === 'COMMITTEE_STAFF' && binding.committee) staffCommittees.add(binding.committee.id);
  }
  return { secretaryCells, staffCommittees };
}

/**
 * Whether the viewer's roles could act at the feedback's level (policy.canActOnFeedback): the
 * cell's secretary at cell level, committee staff over the cell at any level except that staff of
 * the cell's own commune do not answer for the district. The list only holds feedback the viewer
 * may read, so any staff binding is taken to cover it; the API decides the rest and says FORBIDDEN.
 */
export function mayActAt(level: FeedbackLevel, cell: { id: string; committee?: { id: string } | null } | null | undefined, actor: FeedbackActor): boolean {
  const staff = actor.staffCommittees.size > 0;
  if (level === 'CELL') return staff || (!!cell && actor.secretaryCells.has(cell.id));
  if (level === 'COMMUNE') return staff;
  const communeId = cell?.committee?.id;
  return [...actor.staffCommittees].some((committeeId) => committeeId !== communeId);
}

/** The buttons to show on one feedback. */
export function feedbackActions(
  item: { status: FeedbackStatus; level: FeedbackLevel; cell?: { id: string; committee?: { id: string } | null } | null },
  actor: FeedbackActor,
): FeedbackAction[] {
  return mayActAt(item.level, item.cell, actor) ? stepsFrom(item.status, item.level) : [];
}
