import { cond, intArray, type Cond } from '../graphql/sql.js';
import { Role, type Viewer } from './viewer.js';

/**
 * How a viewer may see a row: `full` (committee staff or secretary in scope), `self` (the member's
 * own profile, households, visits), `analyst` (pseudonymous: see policy.ts). Rows outside every
 * scope are not returned at all.
 */
export type Access = 'full' | 'self' | 'analyst';

/** A PostgreSQL text[] literal of committee path prefixes (paths hold only digits and slashes). */
const textArray = (values: string[]) => `{${values.map((v) => `"${v}"`).join(',')}}`;

/**
 * The rows a viewer may read, as SQL predicates applied inside every loader and list query,
 * so nested fields, connections, aggregates and mutations all obey the same scope.
 */
export class Scope {
  /** Committee staff subtrees: full access. */
  readonly fullPrefixes: string[];
  /** Analyst subtrees: pseudonymous access. */
  readonly analystPrefixes: string[];
  /** Admin subtrees: units and accounts, not people's data. */
  readonly adminPrefixes: string[];
  readonly secretaryCells: number[];
  readonly memberId: number | null;
  readonly memberCells: number[];
  /** Paths from which ancestors are visible, so the tree can be walked down to a viewer's units. */
  readonly anchorPaths: string[];

  constructor(readonly viewer: Viewer | null) {
    const bindings = viewer?.bindings ?? [];
    const prefixes = (role: Role) => bindings.filter((b) => b.role === role).map((b) => `${b.path ?? '/'}%`);
    this.fullPrefixes = prefixes(Role.COMMITTEE_STAFF);
    this.analystPrefixes = prefixes(Role.ANALYST);
    this.adminPrefixes = prefixes(Role.ADMIN);
    this.secretaryCells = bindings.filter((b) => b.role === Role.CELL_SECRETARY && b.cellId).map((b) => b.cellId!);
    const isMember = bindings.some((b) => b.role === Role.MEMBER);
    this.memberId = isMember ? viewer?.memberId ?? null : null;
    this.memberCells = this.memberId ? viewer!.memberCells : [];
    this.anchorPaths = [
      ...bindings.map((b) => b.path).filter((p): p is string => !!p),
      ...(this.memberId ? viewer!.memberPaths : []),
    ];
  }

  has(role: Role): boolean {
    return this.viewer?.bindings.some((b) => b.role === role) ?? false;
  }

  private get dataPrefixes() {
    return [...this.fullPrefixes, ...this.analystPrefixes];
  }

  /** `column` is a cell whose people's data the viewer may read (fully, or also pseudonymously). */
  private cellIn(column: string, withAnalyst: boolean): Cond {
    const prefixes = withAnalyst ? this.dataPrefixes : this.fullPrefixes;
    return or(
      prefixes.length ? cond(`${column} in (select c.id from cell c join committee k on k.id = c.committee_id where k.path like any(?::text[]))`, textArray(prefixes)) : FALSE,
      this.secretaryCells.length ? cond(`${column} = any(?::int[])`, intArray(this.secretaryCells)) : FALSE,
    );
  }

  private ownHouseholds(column: string): Cond {
    return this.memberId ? cond(`${column} in (select household_id from assignment where member_id = ? and ended_on is null)`, this.memberId) : FALSE;
  }

  /** Members responsible for a household of one of the secretary's cells, wherever they are members (an agency cell, say). */
  private holdersOfSecretaryCells(column: string): Cond {
    return this.secretaryCells.length ? cond(`${column} in (select a.member_id from assignment a where a.ended_on is null and a.cell_id = any(?::int[]))`,
      intArray(this.secretaryCells)) : FALSE;
  }

  private ownVisits(column: string): Cond {
    return this.memberId ? cond(`${column} in (select visit_id from visit_participant where member_id = ?)`, this.memberId) : FALSE;
  }

  /** Members of the viewer's secretary cells by residence (Quy định 213). */
  private residentOfSecretaryCell(): Cond {
    return this.secretaryCells.length ? cond('t.residence_cell_id = any(?::int[])', intArray(this.secretaryCells)) : FALSE;
  }

  private self(): Cond {
    return this.memberId ? cond('t.id = ?', this.memberId) : FALSE;
  }

  /** In memory, the committee rule of `visible('committee')`: under a unit of the viewer's, or above one (keep the two alike; viewer-cache.test.ts compares them). */
  seesCommittee(path: string): boolean {
    return [...this.dataPrefixes, ...this.adminPrefixes].some((p) => path.startsWith(p.slice(0, -1)))
      || this.anchorPaths.some((anchor) => anchor.startsWith(path));
  }

  /** Predicate on alias `t` of `table`: the rows the viewer may see. */
  visible(table: string): Cond {
    const t = (sql: string, ...params: unknown[]) => cond(sql, ...params);
    switch (table) {
      case 'committee':
        return t(`(t.path like any(?::text[]) or exists (select 1 from unnest(?::text[]) a(p) where a.p like t.path || '%'))`,
          textArray([...this.dataPrefixes, ...this.adminPrefixes]), textArray(this.anchorPaths));
      case 'cell':
        return t(`(t.committee_id in (select id from committee where path like any(?::text[])) or t.id = any(?::int[]))`,
          textArray([...this.dataPrefixes, ...this.adminPrefixes]), intArray([...this.secretaryCells, ...this.memberCells]));
      case 'member':
        return or(this.cellIn('t.cell_id', true), this.residentOfSecretaryCell(), this.self(), this.holdersOfSecretaryCells('t.id'));
      case 'household':
        return or(this.cellIn('t.cell_id', true), this.ownHouseholds('t.id'));
      case 'household_group':
        return this.cellIn('t.cell_id', true);
      case 'assignment':
        return or(this.cellIn('t.cell_id', true), this.memberId ? t('t.member_id = ?', this.memberId) : FALSE);
      case 'visit':
        return or(this.cellIn('t.cell_id', true), this.ownHouseholds('t.household_id'), this.ownVisits('t.id'));
      case 'feedback':
        return or(this.cellIn('t.cell_id', true), this.ownHouseholds('t.household_id'), this.ownVisits('t.visit_id'));
      default:
        // Child rows (poverty history, feedback events) are reached only through a visible parent.
        return t('true');
    }
  }

  /**
   * The access to a changed row that a live event describes, decided in memory with the same
   * rules as the SQL predicates (no query per subscriber); null when the viewer may not see it.
   */
  accessToEvent(cellId: number, path: string, memberIds: readonly number[]): Access | null {
    const under = (prefixes: string[]) => prefixes.some((p) => path.startsWith(p.slice(0, -1)));
    if (under(this.fullPrefixes) || this.secretaryCells.includes(cellId)) return 'full';
    if (this.memberId && memberIds.includes(this.memberId)) return 'self';
    if (under(this.analystPrefixes)) return 'analyst';
    return null;
  }

  /** The viewer may read every row of a committee subtree or cell (aggregates never count rows out of scope). */
  coversUnit(path: string, cellId?: number): boolean {
    const under = (prefixes: string[]) => prefixes.some((p) => path.startsWith(p.slice(0, -1)));
    return under(this.fullPrefixes) || under(this.analystPrefixes) || (cellId !== undefined && this.secretaryCells.includes(cellId));
  }

  /**
   * Every row of `table` whose cell lies in the committee subtree of `prefix` ('/1/5/%') is visible:
   * the viewer reads the unit whole and the table's visibility starts from the row's cell (the
   * household's, for assignments). A list filtered to that subtree by the same cell then needs no
   * per-row visibility predicate.
   */
  visibleWithin(table: string, prefix: string): boolean {
    return CELL_SCOPED.has(table) && this.coversUnit(prefix.replace(/%$/, ''));
  }

  /** SQL expression on alias `t` giving the Access of each visible row of `table`; unknown tables get the least. */
  access(table: string): Cond {
    // Without analyst subtrees or rows of their own, every row a viewer sees of these tables is
    // theirs in full (their visibility predicate is the `full` one): no per-row expression.
    if (this.analystPrefixes.length === 0 && !this.memberId && FULL_WHEN_VISIBLE.has(table)) return cond(`'full'`);
    const full = (() => {
      switch (table) {
        case 'committee': case 'cell': return cond('true');
        case 'member': return or(this.cellIn('t.cell_id', false), this.residentOfSecretaryCell(), this.holdersOfSecretaryCells('t.id'));
        case 'household': case 'visit': case 'feedback': case 'household_group': return this.cellIn('t.cell_id', false);
        // An assignment carries its household's cell (kept equal by a foreign key).
        case 'assignment': return this.cellIn('t.cell_id', false);
        case 'household_poverty': return this.cellIn(HOUSEHOLD_CELL, false);
        case 'feedback_event': return this.cellIn(FEEDBACK_CELL, false);
        default: return FALSE;
      }
    })();
    const self = (() => {
      if (!this.memberId) return FALSE;
      switch (table) {
        case 'member': return cond('t.id = ?', this.memberId);
        case 'household': return this.ownHouseholds('t.id');
        case 'household_poverty': return this.ownHouseholds('t.household_id');
        case 'assignment': return cond('t.member_id = ?', this.memberId);
        case 'visit': return or(this.ownHouseholds('t.household_id'), this.ownVisits('t.id'));
        case 'feedback': return or(this.ownHouseholds('t.household_id'), this.ownVisits('t.visit_id'));
        case 'feedback_event':
          return prefix('t.feedback_id in (select f.id from feedback f where ', or(this.ownHouseholds('f.household_id'), this.ownVisits('f.visit_id')), ')');
        default: return FALSE;
      }
    })();
    if (full === FALSE && self === FALSE) return cond(`'analyst'`);
    return cond(`case when ${full.sql} then 'full' when ${self.sql} then 'self' else 'analyst' end`, ...full.params, ...self.params);
  }
}

/**
 * The cell of the row's household (or feedback), looked up per row by primary key (assignments
 * carry theirs in `cell_id`): a scalar
 * subquery is never turned into a hash of every household in scope, so a page of 50 rows costs
 * 50 index lookups, not a scan of the subtree's households.
 */
const HOUSEHOLD_CELL = '(select h.cell_id from household h where h.id = t.household_id)';
const FEEDBACK_CELL = '(select f.cell_id from feedback f where f.id = t.feedback_id)';

/**
 * Tables whose visibility predicate is the `full` access predicate plus the analyst subtrees and
 * the viewer's own rows (see visible and access): for a viewer with neither, visible means full.
 */
/** Tables whose visibility is "the row's cell (the household's, for assignments) is read", or more. */
const CELL_SCOPED = new Set(['member', 'household', 'household_group', 'assignment', 'visit', 'feedback']);

const FULL_WHEN_VISIBLE = new Set(['committee', 'cell', 'member', 'household', 'household_group', 'assignment', 'visit', 'feedback']);

/** A condition that holds for no row; dropped from disjunctions, so statements carry only what can match. */
const FALSE: Cond = Object.freeze(cond('false'));

function or(...conds: Cond[]): Cond {
  const live = conds.filter((c) => c !== FALSE);
  if (live.length === 0) return FALSE;
  if (live.length === 1) return live[0];
  return cond(`(${live.map((c) => c.sql).join(' or ')})`, ...live.flatMap((c) => c.params));
}

function prefix(before: string, inner: Cond, after: string): Cond {
  return inner === FALSE ? FALSE : cond(`${before}${inner.sql}${after}`, ...inner.params);
}
