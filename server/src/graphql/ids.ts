import { badInput } from './errors.js';

/** Parses a GraphQL ID argument into a database id; a malformed id is BAD_USER_INPUT on that field. */
export function parseId(value: string | number, field: string): number {
  const id = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) throw badInput(field, `"${value}" is not an id`);
  return id;
}

export function parseOptionalId(value: string | number | null | undefined, field: string): number | undefined {
  return value === null || value === undefined ? undefined : parseId(value, field);
}
