import type { SqlRunner } from '../db/pools.js';
import { registerEnumType } from 'type-graphql';
import type { AccessClaims } from './tokens.js';

export enum Role {
  ADMIN = 'admin',
  COMMITTEE_STAFF = 'committee_staff',
  CELL_SECRETARY = 'cell_secretary',
  MEMBER = 'member',
  ANALYST = 'analyst',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a person may do, bound to an org unit.',
  valuesConfig: {
    ADMIN: { description: 'Administrator (quản trị): manages accounts and units, globally or in a committee subtree.' },
    COMMITTEE_STAFF: { description: 'Committee staff (cán bộ cấp ủy): reads the whole subtree, answers and escalates feedback at its level, approves classifications.' },
    CELL_SECRETARY: { description: 'Cell secretary (bí thư chi bộ): works on the cell: members, households, assignments, visits, feedback.' },
    MEMBER: { description: 'Party member (đảng viên): own profile, assigned households, records visits and feedback on them.' },
    ANALYST: { description: 'Analyst (phân tích): read-only over a subtree, pseudonymous rows: no names, phones, addresses or notes.' },
  },
});

export interface Binding {
  id: number;
  role: Role;
  committeeId: number | null;
  cellId: number | null;
  /** Path of the bound committee, or of the bound cell's committee; null for a global admin. */
  path: string | null;
}

/** Who is asking: an account with a live session, its roles and, if it is a member, which one. */
export interface Viewer {
  accountId: number;
  username: string;
  displayName: string;
  sessionId: string;
  tokenExpiresAt: Date;
  memberId: number | null;
  /** The member's own cell and residence cell, and their committee paths. */
  memberCells: number[];
  memberPaths: string[];
  bindings: Binding[];
}

interface ViewerRow {
  username: string;
  display_name: string;
  member_id: number | null;
  member_cells: number[] | null;
  member_paths: string[] | null;
  bindings: Binding[];
  session_expires_ms: number;
}

/** Loads the viewer of a verified token in one statement; null when the account or session is gone. */
export async function loadViewer(db: SqlRunner, claims: AccessClaims): Promise<Viewer | null> {
  return (await loadViewerSession(db, claims))?.viewer ?? null;
}

/** The viewer and when its session ends (which a cached viewer must not outlive). */
export async function loadViewerSession(db: SqlRunner, claims: AccessClaims): Promise<{ viewer: Viewer; sessionExpiresAt: number } | null> {
  const [row] = await db.execute<ViewerRow[]>(
    `select a.username, a.display_name, a.member_id, (extract(epoch from s.expires_at) * 1000)::float8 as session_expires_ms,
            (select array_agg(c.id) from cell c where c.id in (m.cell_id, m.residence_cell_id)) as member_cells,
            (select array_agg(k.path) from cell c join committee k on k.id = c.committee_id where c.id in (m.cell_id, m.residence_cell_id)) as member_paths,
            coalesce((select json_agg(json_build_object('id', b.id, 'role', b.role, 'committeeId', b.committee_id, 'cellId', b.cell_id,
                        'path', coalesce(k.path, ck.path)) order by b.id)
                        from role_binding b
                        left join committee k on k.id = b.committee_id
                        left join cell c on c.id = b.cell_id
                        left join committee ck on ck.id = c.committee_id
                       where b.account_id = a.id), '[]'::json) as bindings
       from account a
       join account_session s on s.id = ?::uuid and s.account_id = a.id and s.revoked_at is null and s.expires_at > now()
       left join member m on m.id = a.member_id
      where a.id = ? and a.disabled_at is null`,
    [claims.sessionId, claims.accountId],
  );
  if (!row) return null;
  const viewer: Viewer = {
    accountId: claims.accountId,
    username: row.username,
    displayName: row.display_name,
    sessionId: claims.sessionId,
    tokenExpiresAt: claims.expiresAt,
    memberId: row.member_id,
    memberCells: row.member_cells ?? [],
    memberPaths: row.member_paths ?? [],
    bindings: row.bindings,
  };
  return { viewer, sessionExpiresAt: row.session_expires_ms };
}
