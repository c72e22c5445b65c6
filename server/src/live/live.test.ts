import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SignJWT } from 'jose';
import { startTestApi, type Gql, type TestApi } from '../test/api.js';
import { builders, isoDaysAgo } from '../test/builders.js';

let api: TestApi;
let commune: number;
let cellA: number;
let cellB: number;
const clients: Client[] = [];

/** A real graphql-ws client with the access token of a freshly signed-in account. */
async function wsClient(token: string): Promise<Client> {
  const client = createClient({
    url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  clients.push(client);
  return client;
}

async function tokenFor(roles: { role: string; committeeId?: number; cellId?: number }[], memberId?: number): Promise<{ token: string; gql: Gql }> {
  const gql = await api.account(roles, memberId);
  const [{ username }] = await api.sql<{ username: string }>('select username from account order by id desc limit 1');
  return { token: await api.login(username), gql };
}

/** Collects what a subscription pushes. */
function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (value) => { if (value.errors) errors.push(value.errors); else received.push(value.data as T); },
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  const until = async (predicate: (items: T[]) => boolean, ms = 5000) => {
    const start = Date.now();
    while (!predicate(received)) {
      if (errors.length) throw new Error(JSON.stringify(errors));
      if (Date.now() - start > ms) throw new Error(`timed out; received ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return received;
  };
  return { received, errors, until, dispose };
}

const RECORD = `mutation ($h: ID!) { recordVisit(input: { householdId: $h, visitedOn: "${isoDaysAgo(0)}", notes: "Nghe dân nói về nước sạch" }) { id } }`;

beforeAll(async () => {
  api = await startTestApi();
  const seed = builders(api.sql, api.rootId);
  commune = await seed.committee({ parentId: await seed.committee() });
  cellA = await seed.cell(commune);
  cellB = await seed.cell(commune);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await api.close();
});

describe('coverage', () => {
  test('counts households covered, members with households, visits on time and overdue, per child unit', async () => {
    const seed = builders(api.sql, api.rootId);
    const unit = await seed.committee({ parentId: await seed.committee() });
    await seed.policy(unit, 14, 30);
    const [a, b] = [await seed.cell(unit, { name: 'Chi bộ bản A' }), await seed.cell(unit, { name: 'Chi bộ bản B' })];
    const m1 = await seed.member(a);
    const m2 = await seed.member(a);
    await seed.member(a, { status: 'exempt' });
    const onTime = await seed.household(a, { flags: ['policy_family'] });
    const late = await seed.household(a);
    await seed.household(a, { flags: ['religious'] });
    await seed.assignment(m1, onTime, { startedOn: isoDaysAgo(60) });
    await seed.assignment(m1, late, { startedOn: isoDaysAgo(60) });
    await seed.visit(a, onTime, isoDaysAgo(3));
    await seed.visit(a, late, isoDaysAgo(20));
    const away = await seed.member(b, { livesInCommune: false });
    await seed.assignment(away, await seed.household(b), { startedOn: isoDaysAgo(25), mode: 'non_regular' });
    void m2;
    const res = await api.gql(`query ($c: ID!) { coverage(committeeId: $c) {
      unit { name figures { households householdsCovered activeMembers membersWithHouseholds activeAssignments visitsOnTime overdue priorityHouseholds priorityHouseholdsCovered } }
      children { unitKind name figures { households householdsCovered overdue visitsOnTime } } } }`, { c: unit });
    expect(res.errors).toBeUndefined();
    expect(res.data!.coverage.unit.figures).toEqual({
      households: 4, householdsCovered: 3, activeMembers: 3, membersWithHouseholds: 2, activeAssignments: 3,
      visitsOnTime: 2, overdue: 1, priorityHouseholds: 2, priorityHouseholdsCovered: 1,
    });
    expect(res.data!.coverage.children).toEqual([
      { unitKind: 'CELL', name: 'Chi bộ bản A', figures: { households: 3, householdsCovered: 2, overdue: 1, visitsOnTime: 1 } },
      { unitKind: 'CELL', name: 'Chi bộ bản B', figures: { households: 1, householdsCovered: 1, overdue: 0, visitsOnTime: 1 } },
    ]);
  });

  test('is refused for a unit the viewer cannot read whole', async () => {
    const { gql } = await tokenFor([{ role: 'cell_secretary', cellId: cellA }]);
    expect((await gql(`query ($c: ID!) { coverage(committeeId: $c) { unit { name } } }`, { c: commune })).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await gql(`query ($c: ID!) { coverage(cellId: $c) { unit { name } } }`, { c: cellA })).errors).toBeUndefined();
    expect((await gql(`query ($c: ID!) { coverage(cellId: $c) { unit { name } } }`, { c: cellB })).errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('subscriptions', () => {
  test('a visit reaches the subscribers who may see it, with the fields they may read, and no one else', async () => {
    const staff = await tokenFor([{ role: 'committee_staff', committeeId: commune }]);
    const analyst = await tokenFor([{ role: 'analyst', committeeId: commune }]);
    const secretaryB = await tokenFor([{ role: 'cell_secretary', cellId: cellB }]);
    const seed = builders(api.sql, api.rootId);
    const QUERY = `subscription { visitRecorded { id notes cell { id } household { id } } }`;
    const asStaff = collect(await wsClient(staff.token), QUERY);
    const asAnalyst = collect(await wsClient(analyst.token), QUERY);
    const asSecretaryB = collect(await wsClient(secretaryB.token), QUERY);
    await new Promise((r) => setTimeout(r, 300));

    const inA = await seed.household(cellA);
    const visitA = (await staff.gql(RECORD, { h: inA })).data!.recordVisit.id;
    const [staffGot] = await asStaff.until((items) => items.length >= 1);
    expect(staffGot.visitRecorded).toEqual({ id: visitA, notes: 'Nghe dân nói về nước sạch', cell: { id: String(cellA) }, household: { id: String(inA) } });
    const [analystGot] = await asAnalyst.until((items) => items.length >= 1);
    expect(analystGot.visitRecorded).toMatchObject({ id: visitA, notes: null });

    const inB = await seed.household(cellB);
    const visitB = (await staff.gql(RECORD, { h: inB })).data!.recordVisit.id;
    const secretaryGot = await asSecretaryB.until((items) => items.length >= 1);
    // The secretary of cell B got cell B's visit only: never the earlier one in cell A.
    expect(secretaryGot.map((i: any) => i.visitRecorded.id)).toEqual([visitB]);
  });

  test('assignments and feedback changes are pushed too, within a subtree filter', async () => {
    const staff = await tokenFor([{ role: 'committee_staff', committeeId: commune }]);
    const seed = builders(api.sql, api.rootId);
    const assignments = collect(await wsClient(staff.token), `subscription ($c: ID) { assignmentChanged(cellId: $c) { id active } }`, { c: cellA });
    const feedback = collect(await wsClient(staff.token), `subscription { feedbackChanged { id status level } }`);
    await new Promise((r) => setTimeout(r, 300));
    await staff.gql(`mutation ($m: ID!, $h: ID!) { assignHousehold(input: { memberId: $m, householdId: $h }) { id } }`, { m: await seed.member(cellB), h: await seed.household(cellB) });
    const assigned = await staff.gql(`mutation ($m: ID!, $h: ID!) { assignHousehold(input: { memberId: $m, householdId: $h }) { id } }`, { m: await seed.member(cellA), h: await seed.household(cellA) });
    const got = await assignments.until((items) => items.length >= 1);
    expect(got.map((i: any) => i.assignmentChanged)).toEqual([{ id: assigned.data!.assignHousehold.id, active: true }]);

    const visit = await seed.visit(cellA, await seed.household(cellA), isoDaysAgo(1));
    const raised = await staff.gql(`mutation ($v: ID!) { raiseFeedback(input: { visitId: $v, topic: LAND, content: "Tranh chấp ranh giới đất" }) { id } }`, { v: visit });
    await staff.gql(`mutation ($f: ID!) { escalateFeedback(input: { feedbackId: $f }) { id } }`, { f: raised.data!.raiseFeedback.id });
    const changes = await feedback.until((items) => items.length >= 2);
    expect(changes.map((i: any) => i.feedbackChanged)).toEqual([
      { id: raised.data!.raiseFeedback.id, status: 'RAISED', level: 'CELL' },
      { id: raised.data!.raiseFeedback.id, status: 'ESCALATED', level: 'COMMUNE' },
    ]);
  });

  test('coverage is pushed at once, then after changes, computed once per tick for every viewer of the unit', async () => {
    const staff = await tokenFor([{ role: 'committee_staff', committeeId: commune }]);
    const seed = builders(api.sql, api.rootId);
    const member = await seed.member(cellA);
    const household = await seed.household(cellA);
    await seed.assignment(member, household, { startedOn: isoDaysAgo(90) });
    const QUERY = `subscription ($c: ID!) { coverageChanged(committeeId: $c) { unit { figures { overdue visitsOnTime } } computedAt } }`;
    const viewers = await Promise.all(Array.from({ length: 20 }, async () => collect(await wsClient(staff.token), QUERY, { c: commune })));
    await Promise.all(viewers.map((v) => v.until((items) => items.length >= 1)));
    const before = viewers[0].received[0].coverageChanged.unit.figures;
    const computations = api.live.coverage.computations;

    await staff.gql(RECORD, { h: household });
    await Promise.all(viewers.map((v) => v.until((items) => items.length >= 2)));
    const after = viewers[0].received[1].coverageChanged.unit.figures;
    expect(after).toEqual({ overdue: before.overdue - 1, visitsOnTime: before.visitsOnTime + 1 });
    expect(api.live.coverage.computations - computations).toBe(1);
    const pushed = viewers.map((v) => Date.parse(v.received[1].coverageChanged.computedAt));
    expect(new Set(pushed).size).toBe(1);
  });

  test('the connection closes when the access token expires', async () => {
    const staff = await tokenFor([{ role: 'committee_staff', committeeId: commune }]);
    const claims = JSON.parse(Buffer.from(staff.token.split('.')[1], 'base64url').toString());
    const [{ value }] = await api.sql<{ value: string }>(`select value from app_secret where name = 'jwt'`);
    const shortLived = await new SignJWT({ sid: claims.sid }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub)
      .setIssuer('gan-bo').setAudience('gan-bo').setExpirationTime(Math.floor(Date.now() / 1000) + 2).sign(new TextEncoder().encode(value));
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: `${api.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false,
        connectionParams: { authorization: `Bearer ${shortLived}` },
        on: { closed: (event) => resolve((event as { code: number }).code) },
        onNonLazyError: () => undefined,
      });
      clients.push(client);
    });
    expect(await closed).toBe(4401);
  });
});
