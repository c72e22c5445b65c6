/** COPY … FROM STDIN in PostgreSQL's text format, streamed in chunks with back-pressure. */
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const ARRAY_QUOTE = /[{}",\\\s]/;

/** One field of the text format: backslash, tab, newline and carriage return escaped; null as \N. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  switch (typeof value) {
    case 'string':
      return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`Cannot copy the number ${value}`);
      return String(value);
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (Array.isArray(value)) return copyField(arrayLiteral(value));
      throw new Error(`Cannot copy a value of type ${typeof value}`);
  }
}

/** A text[] literal: elements quoted when they hold a delimiter, a quote, space, or read as NULL. */
export function arrayLiteral(items: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (i > 0) out += ',';
    if (item === null || item === undefined) { out += 'NULL'; continue; }
    const s = String(item);
    out += s === '' || ARRAY_QUOTE.test(s) || s.toUpperCase() === 'NULL' ? `"${s.replace(/["\\]/g, '\\$&')}"` : s;
  }
  return out + '}';
}

/** The rows as text-format lines, in chunks of about `size` characters. */
export function* copyChunks<T>(rows: readonly T[], columns: readonly (keyof T & string)[], size = 512 * 1024): Generator<string> {
  let chunk = '';
  const last = columns.length - 1;
  for (const row of rows) {
    for (let c = 0; c <= last; c++) chunk += copyField(row[columns[c]]) + (c === last ? '\n' : '\t');
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Copies the rows into `table`; returns how many PostgreSQL took. */
export async function copyRows<T>(client: pg.Client, table: string, columns: readonly (keyof T & string)[], rows: readonly T[]): Promise<number> {
  if (rows.length === 0) return 0;
  const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // Keep a rejection from going unhandled while we are still writing.
  finished.catch(() => {});
  for (const chunk of copyChunks(rows, columns)) {
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), finished]);
  }
  stream.end();
  await finished;
  return stream.rowCount;
}
