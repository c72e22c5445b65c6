import type { CommitteeKind } from '../../gql/graphql';

export interface Crumb {
  id: string;
  name: string;
  kind: CommitteeKind;
}

/** A committee as the API nests it: each level may carry its parent, the last level only an id. */
export interface NestedCommittee {
  id: string;
  name?: string;
  kind?: CommitteeKind;
  parent?: NestedCommittee | null;
}

export interface CommitteePath {
  /** Ancestors from the top of the tree down to the committee's parent. */
  ancestors: Crumb[];
  /**
   * Id of the nearest ancestor that was not loaded, when the chain was cut off by the
   * query's fixed nesting; the breadcrumb links to it so every level stays reachable.
   */
  cutAt: string | null;
}

/** Flattens the `parent` chain of a committee into root-first breadcrumbs. */
export function committeePath(committee: NestedCommittee | null | undefined): CommitteePath {
  const ancestors: Crumb[] = [];
  let cutAt: string | null = null;
  const seen = new Set<string>([committee?.id ?? '']);
  for (let node = committee?.parent; node; node = node.parent) {
    if (seen.has(node.id)) break; // a cycle can only come from bad data; stop rather than loop forever
    seen.add(node.id);
    if (node.name === undefined || node.kind === undefined) {
      cutAt = node.id;
      break;
    }
    ancestors.push({ id: node.id, name: node.name, kind: node.kind });
  }
  return { ancestors: ancestors.reverse(), cutAt };
}
