import type { ClassificationStatus, Grade, ResidenceRatingValue } from '../../gql/graphql';
import { errorsOf } from '../explorer/save-problem';

/** Grades from the best down, as the forms list them. */
export const GRADES: readonly Grade[] = ['EXCELLENT', 'GOOD', 'COMPLETE', 'INCOMPLETE'];
export const RESIDENCE_RATINGS: readonly ResidenceRatingValue[] = ['GOOD', 'FAIR', 'POOR'];
/** Years offered besides the current one: the classification of a few past years stays readable. */
export const PAST_YEARS = 4;

/** The year in the address (`?year=2025`), or the current year when it is missing, malformed or in the future. */
export function yearFromQuery(value: unknown, currentYear: number): number {
  const text = Array.isArray(value) ? value[0] : value;
  const year = typeof text === 'string' && /^\d{4}$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(year) && year >= 2000 && year <= currentYear ? year : currentYear;
}

/** The years of the picker, newest first; a year from the address outside the list is kept in it. */
export function yearOptions(currentYear: number, selected?: number): number[] {
  const years = Array.from({ length: PAST_YEARS + 1 }, (_, index) => currentYear - index);
  if (selected !== undefined && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

interface SheetLike {
  members: readonly { member: { id: string; fullName?: string | null }; required: boolean; grade?: Grade | null }[];
  cellRecord: { grade?: Grade | null };
}

export interface MissingGrades {
  /** Required members without a grade, in the sheet's order. */
  members: { id: string; name: string | null }[];
  /** The cell's own grade is missing. */
  cell: boolean;
  count: number;
}

/**
 * What stops the sheet from being sent: every active member and the cell itself need a grade
 * (exempt members may stay ungraded). `grades` are the values on screen, which may be newer than the sheet.
 */
export function missingGrades(sheet: SheetLike, grades: ReadonlyMap<string, Grade | null> = new Map()): MissingGrades {
  const gradeOf = (key: string, saved: Grade | null | undefined) => (grades.has(key) ? grades.get(key) : saved);
  const members = sheet.members
    .filter((row) => row.required && !gradeOf(row.member.id, row.grade))
    .map((row) => ({ id: row.member.id, name: row.member.fullName ?? null }));
  const cell = !gradeOf(CELL_KEY, sheet.cellRecord.grade);
  return { members, cell, count: members.length + (cell ? 1 : 0) };
}

/** The key of the cell's own record among the rows being edited. */
export const CELL_KEY = 'cell';

/** Graded members out of those who must be graded. */
export function gradeProgress(sheet: SheetLike): { graded: number; required: number } {
  const required = sheet.members.filter((row) => row.required);
  return { graded: required.filter((row) => row.grade).length, required: required.length };
}

/** How full a "made / due" bar is: 0 to 1, null when nothing was due. */
export function doneShare(done: number, due: number): number | null {
  if (due <= 0) return null;
  return Math.max(0, Math.min(1, done / due));
}

/** Badge colour of a status. */
export function statusTone(status: ClassificationStatus): 'draft' | 'submitted' | 'approved' {
  return status === 'APPROVED' ? 'approved' : status === 'SUBMITTED' ? 'submitted' : 'draft';
}

export interface Problem {
  /** i18n key of the sentence. */
  key: string;
  values?: Record<string, string | number>;
  /** The API's own message, for support. */
  detail?: string;
}

/** Why a classification write failed, in words (by `extensions.code` and `extensions.field`). */
export function classificationProblem(error: unknown): Problem {
  const errors = errorsOf(error);
  const first = errors[0];
  if (!first) {
    const network = (error as { networkError?: { statusCode?: number } | null } | null)?.networkError;
    return { key: network && typeof network.statusCode !== 'number' ? 'classification.errors.offline' : 'classification.errors.failed' };
  }
  const code = String(first.extensions?.code ?? '');
  const field = first.extensions?.field;
  const detail = first.message;
  switch (code) {
    case 'CLASSIFICATION_SUBMITTED':
      return { key: 'classification.errors.submitted', detail };
    case 'CLASSIFICATION_LOCKED':
      return { key: 'classification.errors.locked', detail };
    case 'CLASSIFICATION_NOT_SUBMITTED':
      return { key: 'classification.errors.notSubmitted', detail };
    case 'CLASSIFICATION_INCOMPLETE': {
      const ids = first.extensions?.memberIds;
      if (field === 'cellId') return { key: 'classification.errors.incompleteCell', detail };
      return { key: 'classification.errors.incomplete', values: { n: Array.isArray(ids) ? ids.length : 1 }, detail };
    }
    case 'FORBIDDEN':
      return { key: 'classification.errors.forbidden', detail };
    case 'NOT_FOUND':
      return { key: 'classification.errors.notFound', detail };
    case 'BAD_USER_INPUT':
      if (field === 'note') return { key: 'classification.errors.noteRequired', detail };
      if (field === 'year') return { key: 'classification.errors.badYear', detail };
      return { key: 'classification.errors.badInput', values: { field: String(field ?? '') }, detail };
    default:
      return { key: 'classification.errors.failed', detail };
  }
}
