import { describe, expect, it } from 'vitest';
import { clearVisitDrafts, createVisitDraftStore, parseDraft } from './visit-draft';
import { emptyDraft, emptyFeedback } from './visit-form';

/** localStorage in miniature, able to refuse writes like a full or blocked one. */
function memoryStorage(failWrites = false) {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (name: string) => items.get(name) ?? null,
    setItem: (name: string, value: string) => {
      if (failWrites) throw new DOMException('full', 'QuotaExceededError');
      items.set(name, value);
    },
    removeItem: (name: string) => void items.delete(name),
  };
}

const now = () => new Date('2026-11-23T03:04:05Z');

describe('visit drafts', () => {
  it('keeps a draft until it is cleared, per household', () => {
    const storage = memoryStorage();
    const store = createVisitDraftStore(storage, 'acc7', now);
    const draft = { ...emptyDraft('228', '2026-11-23', 'Lô Văn Phò'), topics: ['LAND' as const], feedback: [{ ...emptyFeedback(), topic: 'LAND' as const, content: 'Ranh giới đất' }] };
    expect(store.write(draft)).toBe(true);

    const read = store.read('228');
    expect(read?.savedAt).toBe('2026-11-23T03:04:05.000Z');
    expect(read?.draft).toMatchObject({ householdId: '228', householdName: 'Lô Văn Phò', topics: ['LAND'], feedback: [{ topic: 'LAND', content: 'Ranh giới đất' }] });
    expect(store.read('195')).toBeNull();
    expect(store.pending()).toEqual(new Set(['228']));

    store.clear('228');
    expect(store.read('228')).toBeNull();
    expect(store.pending()).toEqual(new Set());
  });

  it('never shows one account’s draft to another on a shared phone', () => {
    const storage = memoryStorage();
    createVisitDraftStore(storage, 'acc7', now).write(emptyDraft('228', '2026-11-23'));
    const other = createVisitDraftStore(storage, 'acc8', now);
    expect(other.read('228')).toBeNull();
    expect(other.pending()).toEqual(new Set());
  });

  it('clears every account\'s drafts at sign-out and leaves other site data', () => {
    const storage = memoryStorage();
    createVisitDraftStore(storage, 'acc7', now).write(emptyDraft('228', '2026-11-23'));
    createVisitDraftStore(storage, 'acc8', now).write(emptyDraft('195', '2026-11-23'));
    storage.setItem('gan-bo.locale', 'vi');
    expect(clearVisitDrafts(storage)).toBe(2);
    expect([...storage.items.keys()]).toEqual(['gan-bo.locale']);
  });

  it('says so when the device will not keep the draft', () => {
    expect(createVisitDraftStore(memoryStorage(true), 'acc7', now).write(emptyDraft('228', '2026-11-23'))).toBe(false);
    expect(createVisitDraftStore(null, 'acc7', now).write(emptyDraft('228', '2026-11-23'))).toBe(false);
  });

  it('drops what it does not recognise rather than sending it', () => {
    const raw = JSON.stringify({
      draft: { householdId: '228', visitedOn: '2026-02-30', kind: 'PICNIC', topics: ['LAND', 'ROADS', 'LAND'], hotSpot: 'yes', feedback: [{ topic: 'NOPE', content: 5 }, null] },
    });
    expect(parseDraft(raw, '228')?.draft).toMatchObject({ visitedOn: '', kind: 'HOME_VISIT', topics: ['LAND'], hotSpot: false, feedback: [{ topic: '', content: '' }] });
    expect(parseDraft(raw, '195')).toBeNull();
    expect(parseDraft('{not json', '228')).toBeNull();
  });
});
