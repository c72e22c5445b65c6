import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestApi, type TestApi } from '../test/api.js';
import { builders, isoDaysAgo, type Builders } from '../test/builders.js';

/** committee → cells → members → assignments → household → last visit, with counts. */
const NESTED = `query ($id: ID!) {
  committee(id: $id) {
    name
    visitPolicy { regularIntervalDays }
    children {
      name
      parent { name }
      cells(first: 50) {
        totalCount
        nodes {
          name
          committee { name }
          members(first: 50) {
            totalCount
            nodes {
              fullName
              cell { name }
              assignments {
                mode daysOverdue
                lastVisit { visitedOn }
                household { headName lastVisit { visitedOn participants { fullName } feedback { status } } }
              }
            }
          }
        }
      }
    }
  }
}`;

let api: TestApi;
let seed: Builders;

/** A district of `communes` communes × `cells` cells × `members` members, each holding one visited household. */
async function district(communes: number, cells: number, members: number): Promise<number> {
  const districtId = await seed.committee({ kind: 'district' });
  for (let c = 0; c < communes; c++) {
    const commune = await seed.committee({ parentId: districtId });
    for (let k = 0; k < cells; k++) {
      const cell = await seed.cell(commune);
      for (let m = 0; m < members; m++) {
        const member = await seed.member(cell);
        const household = await seed.household(cell);
        await seed.assignment(member, household, { startedOn: isoDaysAgo(60) });
        await seed.visit(cell, household, isoDaysAgo(m + 1), { memberId: member });
        await seed.visit(cell, household, isoDaysAgo(m + 40), { memberId: member });
      }
    }
  }
  return districtId;
}

beforeAll(async () => {
  // This query is priced far above a staff member's limit on purpose: it measures batching, not limits.
  api = await startTestApi({ limits: { committee_staff: { maxCost: 10_000_000, maxDepth: 20, budgetPerMinute: 100_000_000 } } });
  seed = builders(api.sql, api.rootId);
});
afterAll(() => api.close());

test('a nested query costs the same number of SQL statements for 2 rows or 200', async () => {
  const small = await district(1, 1, 2);
  const large = await district(4, 5, 10);
  // The viewer and a lease of the budget are read once, then kept in memory (viewer-cache.ts, protection.ts).
  await api.gql('{ viewer { roles { role } } }');
  const a = await api.gql(NESTED, { id: small });
  const b = await api.gql(NESTED, { id: large });
  expect(a.errors, JSON.stringify(a.errors)).toBeUndefined();
  expect(b.errors).toBeUndefined();
  const members = (r: typeof a) => r.data!.committee.children.flatMap((c: any) => c.cells.nodes.flatMap((cell: any) => cell.members.nodes));
  expect(members(a)).toHaveLength(2);
  expect(members(b)).toHaveLength(200);
  expect(members(b).every((m: any) => m.assignments[0].household.lastVisit.visitedOn)).toBe(true);
  expect(a.extensions!.sqlStatements).toBe(b.extensions!.sqlStatements);
  // At most one statement per level of the query (levels a parent's statement fetches along,
  // prefetch.ts, cost none), plus a lease of the budget (this query costs more than a share of it),
  // whatever the row count.
  expect(b.extensions!.sqlStatements).toBeLessThanOrEqual(12);
});
