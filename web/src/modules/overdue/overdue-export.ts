import type { OverdueAssignmentFragment, PovertyStatus, PriorityFlag } from '../../gql/graphql';
import { toCsv } from '../explorer/connection-csv';
import type { XlsxSheet, XlsxValue } from './xlsx';

/** An export stops here: beyond it the list should be narrowed first (and a browser tab holds it all in memory). */
export const EXPORT_ROW_LIMIT = 50_000;

export const EXPORT_COLUMNS = [
  'headName',
  'address',
  'cell',
  'member',
  'lastVisitOn',
  'dueOn',
  'daysOverdue',
  'intervalDays',
  'priority',
  'priorityFlags',
  'povertyStatus',
  'assignmentId',
  'householdId',
  'memberId',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

const WIDTHS: Record<ExportColumn, number> = {
  headName: 24,
  address: 40,
  cell: 24,
  member: 24,
  lastVisitOn: 13,
  dueOn: 13,
  daysOverdue: 10,
  intervalDays: 10,
  priority: 10,
  priorityFlags: 36,
  povertyStatus: 12,
  assignmentId: 12,
  householdId: 10,
  memberId: 12,
};

/** The words of the file, in the user's language. */
export interface ExportLabels {
  columns: Record<ExportColumn, string>;
  flags: Record<PriorityFlag, string>;
  poverty: Record<PovertyStatus, string>;
  yes: string;
  no: string;
}

export interface ExportTable {
  columns: { key: ExportColumn; header: string; width: number }[];
  rows: XlsxValue[][];
}

/**
 * One row per overdue assignment. Values the viewer's role may not see (names, addresses for
 * analysts) arrive as null and stay empty, as in the explorer's export.
 */
export function exportTable(assignments: readonly OverdueAssignmentFragment[], labels: ExportLabels): ExportTable {
  const date = (value: string | null): XlsxValue => (value ? { date: value } : null);
  return {
    columns: EXPORT_COLUMNS.map((key) => ({ key, header: labels.columns[key], width: WIDTHS[key] })),
    rows: assignments.map((a) => {
      const household = a.household;
      const values: Record<ExportColumn, XlsxValue> = {
        headName: household?.headName ?? null,
        address: household?.address ?? null,
        cell: household?.cell?.name ?? null,
        member: a.member?.fullName ?? null,
        lastVisitOn: date(a.lastVisitOn),
        dueOn: date(a.dueOn),
        daysOverdue: a.daysOverdue,
        intervalDays: a.intervalDays,
        priority: household ? (household.isPriority ? labels.yes : labels.no) : null,
        priorityFlags: household?.priorityFlags.map((flag) => labels.flags[flag]).join('; ') || null,
        povertyStatus: household && household.povertyStatus !== 'NONE' ? labels.poverty[household.povertyStatus] : null,
        // Ids are what an analyst, who sees no names, can match rows and follow-ups by.
        assignmentId: a.id,
        householdId: household?.id ?? null,
        memberId: a.member?.id ?? null,
      };
      return EXPORT_COLUMNS.map((key) => values[key]);
    }),
  };
}

/** Excel runs a cell that starts like a formula; names and addresses typed by people must not. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvText(value: XlsxValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // ISO dates: unambiguous in every locale, and sorted right as text.
  if (typeof value === 'object') return value.date;
  return defuse(value);
}

/** RFC 4180 CSV with a byte order mark, so Excel reads Vietnamese letters right. */
export function exportCsv(table: ExportTable): string {
  return toCsv({ columns: table.columns.map((column) => column.header), records: table.rows.map((row) => row.map(csvText)) });
}

export function exportSheet(table: ExportTable, name: string): XlsxSheet {
  return { name, columns: table.columns.map(({ header, width }) => ({ header, width })), rows: table.rows };
}

/** `qua-han-tham-xa-huu-khuong-2025-05-12.csv`: the unit's name without diacritics, and the day. */
export function exportFileName(unitName: string, extension: 'csv' | 'xlsx', today: string): string {
  const slug = `qua-han-tham-${unitName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug}-${today}.${extension}`;
}
