import type { Viewer as ViewerState } from '../../auth/viewer.js';
import type { Account, RoleBinding, Viewer } from './account.types.js';

export function toViewerType(viewer: ViewerState): Viewer {
  return {
    account: { id: viewer.accountId, username: viewer.username, displayName: viewer.displayName, disabled: false, memberId: viewer.memberId },
    roles: viewer.bindings.map((b) => ({ id: b.id, role: b.role, committeeId: b.committeeId, cellId: b.cellId })),
  };
}

export interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  disabled_at: string | null;
  member_id: number | null;
}

export const toAccount = (row: AccountRow): Account => ({
  id: row.id, username: row.username, displayName: row.display_name, disabled: !!row.disabled_at, memberId: row.member_id,
});

export const toBinding = (row: { id: number; role: RoleBinding['role']; committee_id: number | null; cell_id: number | null }): RoleBinding => ({
  id: row.id, role: row.role, committeeId: row.committee_id, cellId: row.cell_id,
});
