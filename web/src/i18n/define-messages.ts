/** English mirrors the Vietnamese source: the same keys, any strings. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/** A module's own strings, namespaced under its top-level keys; English must have exactly the Vietnamese keys. */
export interface ModuleMessages<T extends Record<string, unknown> = Record<string, unknown>> {
  vi: T;
  en: Translation<T>;
}

export function defineMessages<T extends Record<string, unknown>>(vi: T, en: NoInfer<Translation<T>>): ModuleMessages<T> {
  return { vi, en };
}

/** Joins module message sets into one locale tree; a namespace claimed twice is a programming error. */
export function mergeMessages(base: Record<string, unknown>, sets: readonly Record<string, unknown>[]) {
  const merged: Record<string, unknown> = { ...base };
  for (const set of sets) {
    for (const [key, value] of Object.entries(set)) {
      if (key in merged) throw new Error(`i18n namespace "${key}" is defined twice`);
      merged[key] = value;
    }
  }
  return merged;
}
