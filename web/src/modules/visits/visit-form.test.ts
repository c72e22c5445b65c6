import { describe, expect, it } from 'vitest';
import { TOPICS } from './topics';
import { emptyDraft, emptyFeedback, hasContent, isClientRef, newClientRef, toRecordVisitInput, validateVisit, type VisitDraft } from './visit-form';
import { parseDraft } from './visit-draft';

const today = '2026-11-23';
const draft = (extra: Partial<VisitDraft> = {}): VisitDraft => ({ ...emptyDraft('228', today), ...extra });

describe('validateVisit', () => {
  it('accepts a visit today with nothing else filled in', () => {
    expect(validateVisit(draft(), today)).toEqual([]);
  });

  it('refuses a date after today, a missing date and one before the records start', () => {
    expect(validateVisit(draft({ visitedOn: '2026-11-24' }), today)).toEqual([{ field: 'visitedOn', key: 'domainError.VISIT_IN_FUTURE' }]);
    expect(validateVisit(draft({ visitedOn: '' }), today)).toEqual([{ field: 'visitedOn', key: 'visits.form.errors.dateRequired' }]);
    expect(validateVisit(draft({ visitedOn: '1999-12-31' }), today)).toEqual([{ field: 'visitedOn', key: 'visits.form.errors.dateTooOld' }]);
  });

  it('names the feedback and the part of it that needs attention, as the API would', () => {
    const feedback = [
      { ...emptyFeedback(), topic: 'LAND' as const, content: 'Đề nghị đo lại ranh giới đất' },
      { ...emptyFeedback(), topic: '' as const, content: 'ok', answered: true, answer: '' },
    ];
    expect(validateVisit(draft({ feedback }), today)).toEqual([
      { field: 'feedback.1.topic', key: 'visits.form.errors.feedbackTopic' },
      { field: 'feedback.1.content', key: 'visits.form.errors.feedbackContent', values: { min: 3 } },
      { field: 'feedback.1.answer', key: 'visits.form.errors.feedbackAnswer' },
    ]);
  });

  it('keeps notes and guests within the API’s lengths', () => {
    expect(validateVisit(draft({ notes: 'x'.repeat(4001), guestParticipants: 'y'.repeat(501) }), today)).toEqual([
      { field: 'notes', key: 'visits.form.errors.tooLong', values: { max: 4000 } },
      { field: 'guestParticipants', key: 'visits.form.errors.tooLong', values: { max: 500 } },
    ]);
  });
});

describe('clientRef', () => {
  it('is a version-4 UUID, new for each draft, and kept through storage', () => {
    const first = emptyDraft('228', today);
    expect(isClientRef(first.clientRef)).toBe(true);
    expect(emptyDraft('228', today).clientRef).not.toBe(first.clientRef);
    expect(newClientRef((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
    expect(parseDraft(JSON.stringify({ draft: first }), '228')!.draft.clientRef).toBe(first.clientRef);
    expect(isClientRef(parseDraft(JSON.stringify({ draft: { ...first, clientRef: 'x' } }), '228')!.draft.clientRef)).toBe(true);
  });
});

describe('toRecordVisitInput', () => {
  it('sends the visit with its feedback, adding each feedback’s topic to the topics discussed', () => {
    const input = toRecordVisitInput(
      draft({
        topics: ['LIVELIHOOD', 'DRINKING_WATER'],
        hotSpot: true,
        notes: '  Gia đình cần giống lúa  ',
        feedback: [{ ...emptyFeedback(), topic: 'DRINKING_WATER', content: ' Giếng chung bị cạn ' }],
      }),
    );
    expect(input).toEqual({
      clientRef: expect.stringMatching(/^[0-9a-f-]{36}$/),
      householdId: '228',
      visitedOn: today,
      kind: 'HOME_VISIT',
      topics: ['LIVELIHOOD', 'DRINKING_WATER'],
      hotSpot: true,
      notes: 'Gia đình cần giống lúa',
      guestParticipants: null,
      feedback: [{ topic: 'DRINKING_WATER', content: 'Giếng chung bị cạn' }],
    });
    const withNewTopic = toRecordVisitInput(draft({ feedback: [{ ...emptyFeedback(), topic: 'LAND', content: 'Tranh chấp ranh giới' }] }));
    expect(withNewTopic.topics).toEqual(['LAND']);
  });

  it('sends an on-the-spot answer only when the member says one was given', () => {
    const answered = { ...emptyFeedback(), topic: 'POLICY' as const, content: 'Hỏi về trợ cấp', answered: true, answer: 'Đã hướng dẫn hồ sơ' };
    const notAnswered = { ...answered, answered: false };
    expect(toRecordVisitInput(draft({ feedback: [answered] })).feedback).toEqual([{ topic: 'POLICY', content: 'Hỏi về trợ cấp', answer: 'Đã hướng dẫn hồ sơ' }]);
    expect(toRecordVisitInput(draft({ feedback: [notAnswered] })).feedback).toEqual([{ topic: 'POLICY', content: 'Hỏi về trợ cấp' }]);
  });
});

describe('hasContent', () => {
  it('tells a draft worth keeping from an untouched form', () => {
    expect(hasContent(draft(), today)).toBe(false);
    expect(hasContent(draft({ topics: ['LAND'] }), today)).toBe(true);
    expect(hasContent(draft({ visitedOn: '2026-11-20' }), today)).toBe(true);
  });
});

describe('TOPICS', () => {
  it('lists each topic once', () => {
    expect(TOPICS).toHaveLength(19);
    expect(new Set(TOPICS).size).toBe(19);
  });
});
