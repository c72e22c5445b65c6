import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, isoDaysAgo } from '../../test/builders.js';

let api: TestApi;
let visitId: number;

beforeAll(async () => {
  api = await startTestApi();
  const seed = builders(api.sql, api.rootId);
  const cell = await seed.cell(await seed.committee({ parentId: await seed.committee() }));
  visitId = await seed.visit(cell, await seed.household(cell), isoDaysAgo(3));
});
afterAll(() => api.close());

const FIELDS = 'id status level answer answeredAt closedAt events { fromStatus toStatus fromLevel toLevel note at }';
const raise = async () => (await api.gql(`mutation ($v: ID!) { raiseFeedback(input: { visitId: $v, topic: DRINKING_WATER, content: "Nước sinh hoạt mùa khô bị thiếu" }) { ${FIELDS} } }`, { v: visitId })).data!.raiseFeedback;
const step = (name: string, input: Record<string, unknown>) =>
  api.gql(`mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${FIELDS} } }`, { input });

describe('feedback life', () => {
  test('raised → escalated to the commune → to the district → answered in writing → closed, every step dated', async () => {
    const feedback = await raise();
    expect(feedback).toMatchObject({ status: 'RAISED', level: 'CELL' });
    const toCommune = await step('escalateFeedback', { feedbackId: feedback.id, note: 'Vượt thẩm quyền chi bộ' });
    expect(toCommune.data!.escalateFeedback).toMatchObject({ status: 'ESCALATED', level: 'COMMUNE' });
    const toDistrict = await step('escalateFeedback', { feedbackId: feedback.id });
    expect(toDistrict.data!.escalateFeedback).toMatchObject({ status: 'ESCALATED', level: 'DISTRICT' });
    const beyond = await step('escalateFeedback', { feedbackId: feedback.id });
    expect(beyond.errors![0].extensions).toMatchObject({ code: 'FEEDBACK_ALREADY_AT_TOP_LEVEL', field: 'feedbackId' });
    const answered = await step('answerFeedback', { feedbackId: feedback.id, answer: 'Huyện đã bố trí kinh phí làm bể nước' });
    expect(answered.data!.answerFeedback.status).toBe('ANSWERED_IN_WRITING');
    expect(answered.data!.answerFeedback.answeredAt).toBeTruthy();
    const closed = (await step('closeFeedback', { feedbackId: feedback.id })).data!.closeFeedback;
    expect(closed.status).toBe('CLOSED');
    expect(closed.closedAt).toBeTruthy();
    expect(closed.events.map((e: { toStatus: string; toLevel: string }) => `${e.toStatus}@${e.toLevel}`)).toEqual([
      'RAISED@CELL', 'ESCALATED@COMMUNE', 'ESCALATED@DISTRICT', 'ANSWERED_IN_WRITING@DISTRICT', 'CLOSED@DISTRICT',
    ]);
    expect(closed.events[1].note).toBe('Vượt thẩm quyền chi bộ');
    const times = closed.events.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  test('a transition the rules do not allow is refused and changes nothing', async () => {
    const feedback = await raise();
    const res = await step('closeFeedback', { feedbackId: feedback.id });
    expect(res.errors![0].extensions).toMatchObject({ code: 'FEEDBACK_INVALID_TRANSITION', field: 'feedbackId' });
    const after = await api.gql(`query ($id: ID!) { feedback(id: $id) { status events { toStatus } } }`, { id: feedback.id });
    expect(after.data!.feedback).toEqual({ status: 'RAISED', events: [{ toStatus: 'RAISED' }] });
  });

  test('an empty answer is refused on the answer field', async () => {
    const feedback = await raise();
    const res = await step('answerFeedback', { feedbackId: feedback.id, answer: ' ' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answer' });
  });

  test('unknown feedback is NOT_FOUND', async () => {
    const res = await step('escalateFeedback', { feedbackId: '424242' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'feedbackId' });
  });

  test('feedbackItems filters by status and level, newest first', async () => {
    const a = await raise();
    const b = await raise();
    await step('escalateFeedback', { feedbackId: b.id });
    const res = await api.gql(`{ feedbackItems(statuses: [ESCALATED], level: COMMUNE, first: 50) { nodes { id } } }`);
    const ids = res.data!.feedbackItems.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain(b.id);
    expect(ids).not.toContain(a.id);
  });
});
