import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../../test/api.js';
import { builders, type Builders } from '../../test/builders.js';

const YEAR = 2025;
const SHEET = `query ($cellId: ID!, $year: Int!) {
  classificationSheet(cellId: $cellId, year: $year) {
    year status editable approvable cell { id }
    members { member { id } required grade comment status submittedAt approvedAt approvedBy returnNote
      indicators { householdsHeld visitsMade visitsDue feedbackRaised feedbackResolved residenceRating residenceCell { id } } }
    cellRecord { grade status returnNote indicators { activeMembers membersWithHouseholds households householdsCovered visitsMade visitsDue feedbackRaised feedbackResolved } }
  }
}`;
const SET_MEMBER = `mutation ($memberId: ID!, $grade: Grade, $comment: String) {
  setMemberClassification(input: { memberId: $memberId, year: ${YEAR}, grade: $grade, comment: $comment }) { grade comment status indicators { visitsMade } }
}`;
const SET_CELL = `mutation ($cellId: ID!, $grade: Grade) { setCellClassification(input: { cellId: $cellId, year: ${YEAR}, grade: $grade }) { grade status } }`;
const step = (name: string, extra = '') =>
  `mutation ($cellId: ID!${extra ? ', $note: String!' : ''}) { ${name}(input: { cellId: $cellId, year: ${YEAR}${extra} }) { status editable approvable cellRecord { status returnNote } members { status } } }`;
const SUBMIT = step('submitClassification');
const APPROVE = step('approveClassification');
const RETURN = step('returnClassification', ', note: $note');

type Gql = TestApi['gql'];
let api: TestApi;
let seed: Builders;
let commune: number;
let cell: number;
let residenceCell: number;
let worker: number;
let exempt: number;
let resident: number;
let secretary: Gql;
let staff: Gql;

beforeAll(async () => {
  api = await startTestApi();
  seed = builders(api.sql, api.rootId);
  commune = await seed.committee({ parentId: await seed.committee({ kind: 'district' }) });
  cell = await seed.cell(commune);
  residenceCell = await seed.cell(commune);
  worker = await seed.member(cell);
  exempt = await seed.member(cell, { status: 'exempt' });
  resident = await seed.member(cell, { residenceCellId: residenceCell });
  // The worker holds one household all year under the default 30-day interval: 365 / 30 = 12 visits due.
  const household = await seed.household(cell);
  await seed.assignment(worker, household, { startedOn: `${YEAR}-01-01` });
  const visits = [];
  for (const day of ['2025-02-10', '2025-05-03', '2025-09-21']) visits.push(await seed.visit(cell, household, day, { memberId: worker }));
  await api.sql(`insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on) values ($1, $2, $3, 'land', 'Ranh giới đất', '2025-05-03')`, [visits[1], cell, household]);
  await api.sql(`insert into feedback (visit_id, cell_id, household_id, topic, content, raised_on, status, answer) values ($1, $2, $3, 'traffic', 'Đường trơn', '2025-09-21', 'answered_on_the_spot', 'Đã báo xã')`, [visits[2], cell, household]);
  // A visit of the year before does not count.
  await seed.visit(cell, household, '2024-12-30', { memberId: worker });
  secretary = await api.account([{ role: 'cell_secretary', cellId: cell }]);
  staff = await api.account([{ role: 'committee_staff', committeeId: commune }]);
});
afterAll(() => api.close());

const sheet = async (gql: Gql = secretary, cellId = cell) => {
  const res = await gql(SHEET, { cellId, year: YEAR });
  expect(res.errors).toBeUndefined();
  return res.data!.classificationSheet;
};
const row = (s: { members: { member: { id: string } }[] }, id: number) => s.members.find((m) => Number(m.member.id) === id) as Record<string, any>;

describe('the classification sheet', () => {
  test('computes each member\'s indicators for the year beside an empty draft', async () => {
    const s = await sheet();
    expect(s).toMatchObject({ year: YEAR, status: 'DRAFT', editable: true, approvable: false });
    expect(row(s, worker)).toMatchObject({
      required: true, grade: null, status: 'DRAFT',
      indicators: { householdsHeld: 1, visitsMade: 3, visitsDue: 12, feedbackRaised: 2, feedbackResolved: 1, residenceRating: null },
    });
    expect(row(s, exempt).required).toBe(false);
    // The residence cell is out of this secretary's scope; committee staff see it.
    expect(row(s, resident).indicators.residenceCell).toBeNull();
    expect(row(await sheet(staff), resident).indicators.residenceCell).toEqual({ id: String(residenceCell) });
    expect(s.cellRecord.indicators).toEqual({
      activeMembers: 2, membersWithHouseholds: 1, households: 1, householdsCovered: 1, visitsMade: 3, visitsDue: 12, feedbackRaised: 2, feedbackResolved: 1,
    });
  });

  test('is for the cell\'s secretary and committee staff over it, not for others', async () => {
    const otherSecretary = await api.account([{ role: 'cell_secretary', cellId: residenceCell }]);
    expect((await otherSecretary(SHEET, { cellId: cell, year: YEAR })).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'cellId' });
    const member = await api.account([{ role: 'member' }], worker);
    expect((await member(SHEET, { cellId: cell, year: YEAR })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await sheet(staff)).approvable).toBe(false);
    expect((await secretary(SHEET, { cellId: cell, year: 1990 })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

describe('the workflow: draft → submitted → returned → approved and locked', () => {
  test('submitting with grades missing names the members and changes nothing', async () => {
    await secretary(SET_MEMBER, { memberId: worker, grade: 'GOOD', comment: ' Gương mẫu ' });
    const res = await secretary(SUBMIT, { cellId: cell });
    expect(res.errors![0].extensions).toMatchObject({ code: 'CLASSIFICATION_INCOMPLETE', field: 'memberId', memberIds: [String(resident)] });
    await secretary(SET_MEMBER, { memberId: resident, grade: 'COMPLETE' });
    const noCellGrade = await secretary(SUBMIT, { cellId: cell });
    expect(noCellGrade.errors![0].extensions).toMatchObject({ code: 'CLASSIFICATION_INCOMPLETE', field: 'cellId' });
    expect((await sheet()).status).toBe('DRAFT');
  });

  test('the secretary submits; the grade cannot change; the secretary cannot approve', async () => {
    expect((await secretary(SET_CELL, { cellId: cell, grade: 'GOOD' })).data!.setCellClassification).toEqual({ grade: 'GOOD', status: 'DRAFT' });
    const submitted = (await secretary(SUBMIT, { cellId: cell })).data!.submitClassification;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', editable: false, approvable: false });
    expect(row(await sheet(), worker)).toMatchObject({ grade: 'GOOD', comment: 'Gương mẫu', status: 'SUBMITTED' });
    expect(row(await sheet(), exempt).status).toBe('DRAFT');
    const edit = await secretary(SET_MEMBER, { memberId: worker, grade: 'EXCELLENT' });
    expect(edit.errors![0].extensions).toMatchObject({ code: 'CLASSIFICATION_SUBMITTED', field: 'grade' });
    expect((await secretary(APPROVE, { cellId: cell })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  test('committee staff return it with a note; it is a draft again and can change', async () => {
    expect((await sheet(staff)).approvable).toBe(true);
    const returned = (await staff(RETURN, { cellId: cell, note: 'Xem lại xếp loại đồng chí Lô' })).data!.returnClassification;
    expect(returned).toMatchObject({ status: 'DRAFT', cellRecord: { status: 'DRAFT', returnNote: 'Xem lại xếp loại đồng chí Lô' } });
    expect((await secretary(SET_MEMBER, { memberId: worker, grade: 'EXCELLENT' })).data!.setMemberClassification.grade).toBe('EXCELLENT');
    expect((await staff(APPROVE, { cellId: cell })).errors![0].extensions!.code).toBe('CLASSIFICATION_NOT_SUBMITTED');
  });

  test('approved records are locked, with the approver named', async () => {
    await secretary(SUBMIT, { cellId: cell });
    const approved = (await staff(APPROVE, { cellId: cell })).data!.approveClassification;
    expect(approved).toMatchObject({ status: 'APPROVED', approvable: false, editable: false });
    const s = await sheet();
    expect(row(s, worker)).toMatchObject({ grade: 'EXCELLENT', status: 'APPROVED', returnNote: null });
    expect(row(s, worker).approvedBy).toMatch(/^tester/);
    expect(Date.parse(row(s, worker).approvedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(row(s, worker).submittedAt)).toBeLessThanOrEqual(Date.parse(row(s, worker).approvedAt));
    expect((await secretary(SET_MEMBER, { memberId: worker, grade: 'GOOD' })).errors![0].extensions!.code).toBe('CLASSIFICATION_LOCKED');
    expect((await staff(RETURN, { cellId: cell, note: 'x' })).errors![0].extensions!.code).toBe('CLASSIFICATION_LOCKED');
    // Even straight SQL cannot change an approved record.
    await expect(api.sql(`update member_classification set grade = 'good' where member_id = $1`, [worker])).rejects.toThrow('CLASSIFICATION_LOCKED');
  });
});

describe('residence-cell rating', () => {
  const RATE = `mutation ($memberId: ID!, $year: Int!) { rateResidentMember(input: { memberId: $memberId, year: $year, rating: GOOD, comment: "Tham gia sinh hoạt đầy đủ" }) { residenceRating residenceComment } }`;

  test('the residence cell rates the member; the working cell cannot', async () => {
    const residenceSecretary = await api.account([{ role: 'cell_secretary', cellId: residenceCell }]);
    expect((await residenceSecretary(RATE, { memberId: resident, year: 2026 })).data!.rateResidentMember).toEqual({
      residenceRating: 'GOOD', residenceComment: 'Tham gia sinh hoạt đầy đủ',
    });
    expect((await secretary(RATE, { memberId: resident, year: 2026 })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await secretary(RATE, { memberId: worker, year: 2026 })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'memberId' });
    // The residence cell finds the members it rates.
    const residents = await residenceSecretary(`query ($c: ID!) { members(residenceCellId: $c) { nodes { id } } }`, { c: residenceCell });
    expect(residents.data!.members.nodes).toEqual([{ id: String(resident) }]);
  });

  test('cannot change once the member\'s classification for the year is approved', async () => {
    const residenceSecretary = await api.account([{ role: 'cell_secretary', cellId: residenceCell }]);
    expect((await residenceSecretary(RATE, { memberId: resident, year: YEAR })).errors![0].extensions!.code).toBe('CLASSIFICATION_LOCKED');
  });
});

describe('classificationOverview', () => {
  test('shows committee staff the progress of every cell', async () => {
    const res = await staff(`query ($id: ID!) { classificationOverview(committeeId: $id, year: ${YEAR}) { cell { id } status members graded cellGrade } }`, { id: commune });
    expect(res.data!.classificationOverview).toEqual([
      { cell: { id: String(cell) }, status: 'APPROVED', members: 2, graded: 2, cellGrade: 'GOOD' },
      { cell: { id: String(residenceCell) }, status: 'DRAFT', members: 0, graded: 0, cellGrade: null },
    ].sort((a, b) => Number(a.cell.id) - Number(b.cell.id)));
    expect((await secretary(`query ($id: ID!) { classificationOverview(committeeId: $id, year: ${YEAR}) { status } }`, { id: commune })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
