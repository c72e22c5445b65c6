import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
/** Absolute ceiling of `first`; each role has a lower one (graphql/limits.ts). */
export const MAX_PAGE_SIZE = 1000;

@ObjectType({ description: 'Where a page of a connection sits in the whole list (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page (true when `after` was given).' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** Lazily counted: the count query runs only when a client asks for `totalCount`. */
  readonly totalCount: Promise<number> | number;
}

/** Builds `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a page, with its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Opaque cursor of this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${description}.` })
    node!: T;
  }

  @ObjectType()
  abstract class Connection implements Page<T> {
    @Field(() => [Edge], { description: 'The items of this page with their cursors.' })
    edges!: Edge[];

    @Field(() => [node], { description: 'The items of this page.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Pagination state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list (all pages).' })
    totalCount!: Promise<number> | number;
  }
  return Connection;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  limit: number;
  afterId?: number;
  /** For a list ordered by a column: that column's value in the cursor's row. */
  afterValue?: string | number | null;
}

/** `c:<id>` for lists in id order; `k:<json [value, id]>` for lists ordered by a column (keyset). */
export function encodeCursor(id: number, sortValue?: string | number | null): string {
  return Buffer.from(sortValue === undefined ? `c:${id}` : `k:${JSON.stringify([sortValue, id])}`).toString('base64url');
}

export function decodeCursor(cursor: string): { id: number; value?: string | number | null } {
  const text = Buffer.from(cursor, 'base64url').toString();
  const plain = /^c:(\d{1,10})$/.exec(text);
  if (plain) return { id: Number(plain[1]) };
  if (text.startsWith('k:')) {
    try {
      const [value, id] = JSON.parse(text.slice(2)) as [unknown, unknown];
      if (Number.isSafeInteger(id) && (value === null || typeof value === 'string' || typeof value === 'number')) return { id: id as number, value };
    } catch {
      // falls through to the error below
    }
  }
  throw badInput('after', 'malformed cursor');
}

/** Validates `first`/`after` into a keyset window (ids after the cursor, page size). */
export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `must be between 0 and ${MAX_PAGE_SIZE}`);
  }
  if (!args.after) return { limit: first };
  const cursor = decodeCursor(args.after);
  return { limit: first, afterId: cursor.id, afterValue: cursor.value };
}

/** Turns `limit + 1` fetched rows into a page; `count` runs only if totalCount is read. */
export function toPage<T extends { id: number }>(rows: T[], window: PageWindow, count: () => Promise<number>, sortValueOf?: (node: T) => string | number | null): Page<T> {
  const nodes = rows.slice(0, window.limit);
  const cursorOf = (node: T | undefined) => (node ? encodeCursor(node.id, sortValueOf?.(node)) : null);
  // Edges and their cursors are built when a query reads them (many read `nodes` only).
  let edges: Page<T>['edges'] | undefined;
  let total: Promise<number> | undefined;
  return {
    get edges() {
      edges ??= nodes.map((node) => ({ cursor: cursorOf(node)!, node }));
      return edges;
    },
    nodes,
    pageInfo: {
      hasNextPage: rows.length > window.limit,
      hasPreviousPage: window.afterId !== undefined,
      startCursor: cursorOf(nodes[0]),
      endCursor: cursorOf(nodes.at(-1)),
    },
    get totalCount() {
      total ??= count();
      return total;
    },
  };
}
