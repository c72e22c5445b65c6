import { describe, expect, it } from 'vitest';
import { CELL_KEY, classificationProblem, doneShare, gradeProgress, missingGrades, statusTone, yearFromQuery, yearOptions } from './classification-sheet';

const row = (id: string, grade: 'GOOD' | null, required = true) => ({ member: { id, fullName: `Đảng viên ${id}` }, required, grade });
const sheet = {
  members: [row('1', 'GOOD'), row('2', null), row('3', null, false), row('4', null)],
  cellRecord: { grade: null },
};

describe('year of the sheet', () => {
  it('reads the address, and falls back to the current year', () => {
    expect(yearFromQuery('2025', 2026)).toBe(2025);
    expect(yearFromQuery(['2024'], 2026)).toBe(2024);
    expect(yearFromQuery(undefined, 2026)).toBe(2026);
    expect(yearFromQuery('2027', 2026)).toBe(2026);
    expect(yearFromQuery('20x5', 2026)).toBe(2026);
    expect(yearFromQuery('1999', 2026)).toBe(2026);
  });

  it('offers this year and the previous ones, newest first, keeping an older year from the address', () => {
    expect(yearOptions(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(yearOptions(2026, 2019)).toEqual([2026, 2025, 2024, 2023, 2022, 2019]);
  });
});

describe('missing grades', () => {
  it('lists the active members and the cell without a grade, never exempt members', () => {
    expect(missingGrades(sheet)).toEqual({
      members: [
        { id: '2', name: 'Đảng viên 2' },
        { id: '4', name: 'Đảng viên 4' },
      ],
      cell: true,
      count: 3,
    });
  });

  it('counts what is on screen, even before it is saved', () => {
    const onScreen = new Map([
      ['2', 'COMPLETE' as const],
      ['4', 'GOOD' as const],
      [CELL_KEY, 'GOOD' as const],
    ]);
    expect(missingGrades(sheet, onScreen).count).toBe(0);
    // A grade cleared on screen is missing again.
    expect(missingGrades(sheet, new Map([['1', null]])).members.map((m) => m.id)).toEqual(['1', '2', '4']);
  });

  it('measures progress over the members who must be graded', () => {
    expect(gradeProgress(sheet)).toEqual({ graded: 1, required: 3 });
  });
});

describe('indicators', () => {
  it('fills a bar by made over due, capped, and none when nothing was due', () => {
    expect(doneShare(6, 12)).toBe(0.5);
    expect(doneShare(15, 12)).toBe(1);
    expect(doneShare(3, 0)).toBeNull();
  });

  it('gives each status its badge', () => {
    expect(['DRAFT', 'SUBMITTED', 'APPROVED'].map((s) => statusTone(s as 'DRAFT'))).toEqual(['draft', 'submitted', 'approved']);
  });
});

describe('errors in words', () => {
  const apiError = (code: string, extensions: Record<string, unknown> = {}) => ({
    graphQLErrors: [{ message: 'Lỗi / Error', extensions: { code, ...extensions } }],
    networkError: null,
  });

  it('names each classification refusal', () => {
    expect(classificationProblem(apiError('CLASSIFICATION_SUBMITTED')).key).toBe('classification.errors.submitted');
    expect(classificationProblem(apiError('CLASSIFICATION_LOCKED', { field: 'cellId' })).key).toBe('classification.errors.locked');
    expect(classificationProblem(apiError('CLASSIFICATION_NOT_SUBMITTED')).key).toBe('classification.errors.notSubmitted');
  });

  it('says how many members lack a grade, or that the cell does', () => {
    expect(classificationProblem(apiError('CLASSIFICATION_INCOMPLETE', { field: 'memberId', memberIds: ['1', '2'] }))).toMatchObject({
      key: 'classification.errors.incomplete',
      values: { n: 2 },
    });
    expect(classificationProblem(apiError('CLASSIFICATION_INCOMPLETE', { field: 'cellId' })).key).toBe('classification.errors.incompleteCell');
  });

  it('asks for the note of a return', () => {
    expect(classificationProblem(apiError('BAD_USER_INPUT', { field: 'note' })).key).toBe('classification.errors.noteRequired');
  });

  it('tells an unreachable server from a failure', () => {
    expect(classificationProblem({ graphQLErrors: [], networkError: new TypeError('Failed to fetch') }).key).toBe('classification.errors.offline');
    expect(classificationProblem({ graphQLErrors: [], networkError: Object.assign(new Error('x'), { statusCode: 500 }) }).key).toBe('classification.errors.failed');
  });
});
