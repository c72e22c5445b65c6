/** The rows of the first connection in a result, and where it was found (`visitStats`, `committee.cells`). */
export interface FoundConnection {
  path: string[];
  rows: unknown[];
  /** The connection's `totalCount`, when asked for: more rows than this page may exist. */
  totalCount: number | null;
}

export interface CsvTable {
  columns: string[];
  records: string[][];
}

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

function rowsOf(value: Plain): unknown[] | null {
  if (Array.isArray(value.nodes)) return value.nodes;
  if (Array.isArray(value.edges) && value.edges.every((edge) => isPlain(edge) && 'node' in edge)) {
    return value.edges.map((edge) => (edge as Plain).node);
  }
  return null;
}

/**
 * The first object with a `nodes` array (or `edges[].node`), depth first in the order the fields
 * were asked for. Lists are not searched: connections inside list items belong to one item each.
 */
export function findConnection(data: unknown, path: string[] = []): FoundConnection | null {
  if (!isPlain(data)) return null;
  const rows = path.length ? rowsOf(data) : null;
  if (rows) return { path, rows, totalCount: typeof data.totalCount === 'number' ? data.totalCount : null };
  for (const [key, value] of Object.entries(data)) {
    const found = findConnection(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Every leaf of a row under its dotted path; null objects count as a leaf until another row shows what is inside. */
function collectPaths(value: unknown, prefix: string, leaves: Set<string>) {
  if (isPlain(value) && Object.keys(value).length) {
    for (const [key, child] of Object.entries(value)) collectPaths(child, prefix ? `${prefix}.${key}` : key, leaves);
  } else {
    leaves.add(prefix);
  }
}

function valueAt(row: unknown, path: string): unknown {
  let value = row;
  for (const key of path.split('.')) {
    if (!isPlain(value)) return null;
    value = value[key];
  }
  return value;
}

/** Excel runs a cell that starts like a formula; data typed by people must not (negative numbers stay numbers). */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-\d+(?:[.,]\d+)?$/.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  // A masked field arrives as null: it stays empty, like a field never filled in.
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return defuseFormula(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Lists (and empty objects) keep their structure as JSON in one cell.
  return JSON.stringify(value);
}

/** Rows as a table: nested objects become dotted columns (`unit.name`), in the order first seen. */
export function flattenRows(rows: readonly unknown[]): CsvTable {
  const leaves = new Set<string>();
  for (const row of rows) collectPaths(row, '', leaves);
  const paths = [...leaves];
  // `unit` null in one row and `unit.name` in another: only the inner columns are kept.
  const hasInner = (path: string) => (path ? paths.some((other) => other.startsWith(`${path}.`)) : paths.length > 1);
  const columns = paths.filter((path) => !hasInner(path));
  return {
    columns: columns.map((path) => path || 'value'),
    records: rows.map((row) => columns.map((path) => cellText(path ? valueAt(row, path) : row))),
  };
}

function escapeCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 with CRLF, after a UTF-8 byte order mark so Excel reads the Vietnamese letters right. */
export function toCsv({ columns, records }: CsvTable): string {
  const lines = [columns, ...records].map((cells) => cells.map(escapeCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ConnectionExport extends FoundConnection {
  csv: string;
}

/** The CSV of the first connection in `data`, or null when the result has none. */
export function connectionCsv(data: unknown): ConnectionExport | null {
  const found = findConnection(data);
  return found ? { ...found, csv: toCsv(flattenRows(found.rows)) } : null;
}

/** `truy-van-2026-11-23.csv`, or the saved query's name made safe for a file system. */
export function csvFileName(name: string | null | undefined, today: Date = new Date()): string {
  const date = today.toISOString().slice(0, 10);
  const slug = (name ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'truy-van'}-${date}.csv`;
}
