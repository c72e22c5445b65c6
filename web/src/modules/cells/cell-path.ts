import { committeePath, type CommitteePath, type NestedCommittee } from '../committees/committee-path';

/** A cell's breadcrumbs: its committee's own path, then the committee itself. */
export function cellPath(committee: NestedCommittee | null | undefined): CommitteePath {
  if (!committee?.name || !committee.kind) return { ancestors: [], cutAt: committee?.id ?? null };
  const { ancestors, cutAt } = committeePath(committee);
  return { ancestors: [...ancestors, { id: committee.id, name: committee.name, kind: committee.kind }], cutAt };
}
