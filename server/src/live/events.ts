import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What changed, as ids only: PostgreSQL carries these between server processes with
 * LISTEN/NOTIFY (8,000 bytes at most per notification), and each process loads the rows it needs.
 * `path` is the committee path of the cell, for subtree filters; `memberIds` are the members to
 * whom the row is their own (responsible member, participants).
 */
export type LiveEvent =
  | { type: 'visit'; id: number; cellId: number; path: string; householdId: number | null; memberIds: number[] }
  | { type: 'assignment'; id: number; cellId: number; path: string; householdId: number; memberIds: number[] }
  | { type: 'feedback'; id: number; cellId: number; path: string; householdId: number | null; memberIds: number[] };

export const CHANNEL = 'gan_bo_live';
const MAX_PAYLOAD = 7_900;

/**
 * Queues a notification in the current transaction: PostgreSQL delivers it to every listening
 * process on commit, and never if the transaction rolls back. One NOTIFY per transaction.
 */
export async function notifyInTransaction(em: EntityManager, events: LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  let payload = JSON.stringify(events);
  // A very large write (a bulk import) notifies "something changed" per cell instead of each row.
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify(coarsen(events));
  await em.execute('select pg_notify(?, ?)', [CHANNEL, payload]);
}

function coarsen(events: LiveEvent[]): LiveEvent[] {
  const byCell = new Map<number, LiveEvent>();
  for (const event of events) byCell.set(event.cellId, { ...event, id: 0, memberIds: [] });
  return [...byCell.values()].slice(0, 50);
}

/** The events of a visit (and its feedback) just written, read back in the same transaction. */
export async function visitEvents(em: EntityManager, visitId: number): Promise<LiveEvent[]> {
  const rows = await em.execute<{ type: 'visit' | 'feedback'; id: number; cell_id: number; path: string; household_id: number | null; member_ids: number[] }[]>(
    `with v as (
       select v.*, k.path,
              array(select member_id from visit_participant where visit_id = v.id
                    union select member_id from assignment where household_id = v.household_id and ended_on is null) as member_ids
         from visit v join cell c on c.id = v.cell_id join committee k on k.id = c.committee_id where v.id = ?)
     select 'visit' as type, id, cell_id, path, household_id, member_ids from v
     union all
     select 'feedback', f.id, v.cell_id, v.path, v.household_id, v.member_ids from feedback f join v on f.visit_id = v.id`,
    [visitId],
  );
  return rows.map((r) => ({ type: r.type, id: r.id, cellId: r.cell_id, path: r.path, householdId: r.household_id, memberIds: r.member_ids ?? [] }));
}

export async function feedbackEvent(em: EntityManager, feedbackId: number): Promise<LiveEvent> {
  const [r] = await em.execute<{ id: number; cell_id: number; path: string; household_id: number | null; member_ids: number[] }[]>(
    `select f.id, f.cell_id, k.path, f.household_id,
            array(select member_id from visit_participant where visit_id = f.visit_id
                  union select member_id from assignment where household_id = f.household_id and ended_on is null) as member_ids
       from feedback f join cell c on c.id = f.cell_id join committee k on k.id = c.committee_id where f.id = ?`,
    [feedbackId],
  );
  return { type: 'feedback', id: r.id, cellId: r.cell_id, path: r.path, householdId: r.household_id, memberIds: r.member_ids ?? [] };
}

export async function assignmentEvent(em: EntityManager, assignmentId: number): Promise<LiveEvent> {
  const [r] = await em.execute<{ id: number; cell_id: number; path: string; household_id: number; member_id: number }[]>(
    `select a.id, h.cell_id, k.path, a.household_id, a.member_id
       from assignment a join household h on h.id = a.household_id join cell c on c.id = h.cell_id
       join committee k on k.id = c.committee_id where a.id = ?`,
    [assignmentId],
  );
  return { type: 'assignment', id: r.id, cellId: r.cell_id, path: r.path, householdId: r.household_id, memberIds: [r.member_id] };
}
