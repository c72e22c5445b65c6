import { isLocalDate } from '../../dates/local-date';
import { isTopic, isVisitKind } from './topics';
import { emptyFeedback, isClientRef, newClientRef, type FeedbackDraft, type VisitDraft } from './visit-form';

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly length: number; key(index: number): string | null };

const PREFIX = 'gan-bo.visit-draft.';
const key = (accountId: string, householdId: string) => `${PREFIX}${accountId}.${householdId}`;

/** A draft as kept on the phone, with when it was last written. */
export interface StoredDraft {
  draft: VisitDraft;
  savedAt: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function parseFeedback(value: unknown): FeedbackDraft[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((raw) => {
    if (!raw || typeof raw !== 'object') return [];
    const item = raw as Record<string, unknown>;
    return [{ ...emptyFeedback(), topic: isTopic(item.topic) ? item.topic : '', content: text(item.content), answered: item.answered === true, answer: text(item.answer) }];
  });
}

/** Reads back what was written, trusting nothing: an older app version or another tool may have written it. */
export function parseDraft(raw: string | null, householdId: string): StoredDraft | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as { draft?: Record<string, unknown>; savedAt?: unknown };
    const d = stored.draft;
    if (!d || typeof d !== 'object' || d.householdId !== householdId) return null;
    const draft: VisitDraft = {
      clientRef: isClientRef(d.clientRef) ? d.clientRef : newClientRef(),
      householdId,
      householdName: typeof d.householdName === 'string' ? d.householdName : null,
      visitedOn: isLocalDate(d.visitedOn) ? d.visitedOn : '',
      kind: isVisitKind(d.kind) ? d.kind : 'HOME_VISIT',
      topics: Array.isArray(d.topics) ? [...new Set(d.topics.filter(isTopic))] : [],
      notes: text(d.notes),
      hotSpot: d.hotSpot === true,
      participantIds: Array.isArray(d.participantIds) ? d.participantIds.filter((id): id is string => typeof id === 'string') : [],
      guestParticipants: text(d.guestParticipants),
      feedback: parseFeedback(d.feedback),
    };
    return { draft, savedAt: typeof stored.savedAt === 'string' ? stored.savedAt : '' };
  } catch {
    return null;
  }
}

/**
 * Visit drafts on this device (localStorage), one per account and household: a visit typed with no
 * signal survives a closed tab or a flat battery, and is removed once the API has it. The account
 * in the key keeps one person's notes out of the next person's form on a shared phone.
 */
export function createVisitDraftStore(storage: DraftStorage | null, accountId: string, now: () => Date = () => new Date()) {
  return {
    read(householdId: string): StoredDraft | null {
      try {
        return parseDraft(storage?.getItem(key(accountId, householdId)) ?? null, householdId);
      } catch {
        return null;
      }
    },
    /** False when the device would not keep it (storage full or blocked): the form says so. */
    write(draft: VisitDraft): boolean {
      if (!storage) return false;
      try {
        storage.setItem(key(accountId, draft.householdId), JSON.stringify({ draft, savedAt: now().toISOString() }));
        return true;
      } catch {
        return false;
      }
    },
    clear(householdId: string) {
      try {
        storage?.removeItem(key(accountId, householdId));
      } catch {
        // Nothing to do: an unreadable storage holds nothing we could show either.
      }
    },
    /** Households of this account with a draft waiting to be sent. */
    pending(): Set<string> {
      const households = new Set<string>();
      if (!storage) return households;
      try {
        const mine = `${PREFIX}${accountId}.`;
        for (let i = 0; i < storage.length; i++) {
          const name = storage.key(i);
          if (name?.startsWith(mine)) households.add(name.slice(mine.length));
        }
      } catch {
        // as above
      }
      return households;
    },
  };
}

export type VisitDraftStore = ReturnType<typeof createVisitDraftStore>;

/**
 * Removes every visit draft on this device: on an explicit sign-out a shared phone keeps no notes
 * about households. A session that merely expired (maybe offline) keeps them for its owner.
 */
export function clearVisitDrafts(storage: DraftStorage | null): number {
  if (!storage) return 0;
  try {
    const names: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (name?.startsWith(PREFIX)) names.push(name);
    }
    names.forEach((name) => storage.removeItem(name));
    return names.length;
  } catch {
    return 0;
  }
}

/** `localStorage` throws on access when the browser blocks site data. */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
