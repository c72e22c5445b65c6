import { ApolloLink } from '@apollo/client/core';
import { inject, reactive, type InjectionKey } from 'vue';

/** One entry of the API's `extensions.forbiddenFields`: a field masked for the viewer's role, and how often. */
interface ForbiddenField {
  field: string;
  count?: number;
}

/**
 * Remembers which fields (`Member.fullName`) the API has masked for this viewer, so a page can
 * tell "hidden by your access rights" from "not filled in" when both arrive as null. The API
 * only says which fields, not which rows; a field once masked is taken as masked for this session.
 */
export function createForbiddenFields() {
  const hidden = reactive(new Set<string>());

  function record(extensions: Record<string, unknown> | undefined) {
    const list = extensions?.forbiddenFields;
    if (!Array.isArray(list)) return;
    for (const entry of list as ForbiddenField[]) if (typeof entry?.field === 'string') hidden.add(entry.field);
  }

  return {
    link: new ApolloLink((operation, forward) =>
      forward(operation).map((result) => {
        record(result.extensions);
        return result;
      }),
    ),
    record,
    isHidden: (field: string) => hidden.has(field),
    /** For the next person on this browser, whose role may see more. */
    clear: () => hidden.clear(),
  };
}

export type ForbiddenFields = ReturnType<typeof createForbiddenFields>;

export const forbiddenFieldsKey: InjectionKey<ForbiddenFields> = Symbol('forbiddenFields');

export function useForbiddenFields(): ForbiddenFields {
  const fields = inject(forbiddenFieldsKey);
  if (!fields) throw new Error('useForbiddenFields() needs createForbiddenFields() provided under forbiddenFieldsKey');
  return fields;
}
