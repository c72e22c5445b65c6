import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Whether the field being resolved selects a field of this name anywhere below it (fragments included). */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean => !!set && set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === name || search(s.selectionSet);
    if (s.kind === Kind.INLINE_FRAGMENT) return search(s.selectionSet);
    if (seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    return search(info.fragments[s.name.value]?.selectionSet);
  });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
