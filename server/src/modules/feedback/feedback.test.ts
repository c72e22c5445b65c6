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

describe('answer deadlines', () => {
  const DUE = 'id status level answerDueOn daysOverdue';
  let oldVisit: number;
  let cell: number;

  beforeAll(async () => {
    const seed = builders(api.sql, api.rootId);
    cell = await seed.cell(await seed.committee({ parentId: await seed.committee() }));
    oldVisit = await seed.visit(cell, await seed.household(cell), isoDaysAgo(40));
  });

  const stepDue = (name: string, input: Record<string, unknown>) =>
    api.gql(`mutation ($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${DUE} } }`, { input });
  const raiseOld = async () =>
    (await api.gql(`mutation ($v: ID!) { raiseFeedback(input: { visitId: $v, topic: LAND, content: "Tranh chấp ranh giới đất" }) { ${DUE} } }`, { v: oldVisit })).data!.raiseFeedback;

  test('the cell has 30 days from the visit, the commune 15 from the escalation; none once answered', async () => {
    const feedback = await raiseOld();
    expect(feedback).toMatchObject({ level: 'CELL', answerDueOn: isoDaysAgo(10), daysOverdue: 10 });
    const escalated = (await stepDue('escalateFeedback', { feedbackId: feedback.id })).data!.escalateFeedback;
    expect(escalated).toMatchObject({ level: 'COMMUNE', answerDueOn: isoDaysAgo(-15), daysOverdue: 0 });
    const answered = (await stepDue('answerFeedback', { feedbackId: feedback.id, answer: 'Xã đã đo đạc lại' })).data!.answerFeedback;
    expect(answered).toMatchObject({ answerDueOn: null, daysOverdue: 0 });
  });

  test('overdue: true lists open feedback past its deadline, earliest deadline first', async () => {
    const late = await raiseOld();
    const recent = (await api.gql(`mutation ($v: ID!) { raiseFeedback(input: { visitId: $v, topic: LAND, content: "Mới" }) { id } }`,
      { v: await builders(api.sql, api.rootId).visit(cell, null, isoDaysAgo(1)) })).data!.raiseFeedback;
    const list = async (overdue: boolean) => (await api.gql(
      `query ($cell: ID!, $overdue: Boolean) { feedbackItems(cellId: $cell, overdue: $overdue, orderBy: ANSWER_DUE_ON_ASC) { nodes { ${DUE} } } }`,
      { cell, overdue })).data!.feedbackItems.nodes as { id: string; daysOverdue: number }[];
    const overdue = await list(true);
    expect(overdue.map((f) => f.id)).toContain(late.id);
    expect(overdue.every((f) => f.daysOverdue > 0)).toBe(true);
    expect((await list(false)).map((f) => f.id)).toEqual([recent.id]);
  });
});
