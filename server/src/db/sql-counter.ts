import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts SQL statements issued within one async scope (one GraphQL request). */
export interface SqlCounter {
  statements: number;
}

const storage = new AsyncLocalStorage<SqlCounter>();

export function withSqlCounter<T>(counter: SqlCounter, fn: () => T): T {
  return storage.run(counter, fn);
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.statements += 1;
}

export function currentSqlCounter(): SqlCounter | undefined {
  return storage.getStore();
}
