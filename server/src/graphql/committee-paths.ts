import { BY_KEY, type SqlRunner } from '../db/pools.js';

/**
 * Committees' paths by id, kept in memory by the process: a list or figure of a unit
 * (`committeeId`) needs the unit's path before its own statement, and paths change only when a
 * committee moves (rarely). The auth triggers announce a move or a deletion (`gb_auth`, '*'),
 * and the viewer cache passes it here (`clear`); while that channel is down nothing is kept.
 * Whether the viewer may see the committee is decided by `Scope.seesCommittee`, per request.
 */
export class CommitteePaths {
  private readonly paths = new Map<number, string>();
  private generation = 0;

  constructor(private readonly db: SqlRunner, private readonly usable: () => boolean) {}

  /** The committee's path, or null when there is no such committee. */
  async path(id: number): Promise<string | null> {
    const known = this.usable() ? this.paths.get(id) : undefined;
    if (known !== undefined) return known;
    const generation = this.generation;
    const [row] = await this.db.execute<{ path: string }[]>('select path from committee where id = ?', [id], BY_KEY);
    // An unknown id is not remembered: a committee created later may take it.
    if (row && this.usable() && generation === this.generation) {
      if (this.paths.size >= 100_000) this.paths.clear();
      this.paths.set(id, row.path);
    }
    return row?.path ?? null;
  }

  clear(): void {
    this.generation++;
    this.paths.clear();
  }
}
