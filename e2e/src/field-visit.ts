import { expect } from 'vitest';
import { apiAccessToken, callApi } from './session.js';

/** Today on this machine's calendar, as the server judges "not in the future". */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

interface Overdue {
  assignments: { nodes: { id: string; household: { id: string; cell: { id: string; name: string } }; member: { id: string } | null }[] };
}
const OVERDUE = `query ($cellId: ID) { assignments(cellId: $cellId, overdue: true, orderBy: DUE_ON_ASC, first: 1) {
  nodes { id household { id cell { id name } } member { id } } } }`;
const RECORD = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { id visitedOn } }`;

/**
 * A home visit to an overdue household of Xã Hữu Khuông, over HTTP as people in the field do it:
 * by the member himself (dangvien.xopmat) when one of his households is overdue, otherwise by the
 * secretary of his cell, Chi bộ bản Xốp Mạt, otherwise by the commune's office. The demo data
 * moves with the calendar, so whose households are overdue today is not fixed.
 */
export async function recordOverdueVisit(baseUrl: string): Promise<{ cellName: string; by: string }> {
  const record = async (token: string, input: Record<string, unknown>) => {
    const answer = await callApi(baseUrl, RECORD, { input: { ...input, visitedOn: today(), topics: ['OTHER'] } }, token);
    expect(answer.errors).toBeUndefined();
  };
  const member = await apiAccessToken(baseUrl, 'dangvien.xopmat');
  const mine = (await callApi<Overdue>(baseUrl, OVERDUE, {}, member)).data!.assignments.nodes[0];
  if (mine) {
    await record(member, { householdId: mine.household.id });
    return { cellName: mine.household.cell.name, by: 'dangvien.xopmat' };
  }
  const secretary = await apiAccessToken(baseUrl, 'bithu.xopmat');
  const roles = await callApi<{ viewer: { roles: { role: string; cell: { id: string } | null }[] } }>(baseUrl, '{ viewer { roles { role cell { id } } } }', {}, secretary);
  const cellId = roles.data!.viewer.roles.find((binding) => binding.role === 'CELL_SECRETARY')!.cell!.id;
  const theirs = (await callApi<Overdue>(baseUrl, OVERDUE, { cellId }, secretary)).data!.assignments.nodes[0];
  if (theirs) {
    // The member responsible may belong to another cell, which the secretary cannot see: then the secretary alone records it.
    await record(secretary, { householdId: theirs.household.id, recordedByMemberId: theirs.member?.id });
    return { cellName: theirs.household.cell.name, by: 'bithu.xopmat' };
  }
  const office = await apiAccessToken(baseUrl, 'xa.huukhuong');
  const any = (await callApi<Overdue>(baseUrl, OVERDUE, {}, office)).data!.assignments.nodes[0];
  expect(any, 'an overdue household in Xã Hữu Khuông').toBeDefined();
  await record(office, { householdId: any.household.id, recordedByMemberId: any.member?.id });
  return { cellName: any.household.cell.name, by: 'xa.huukhuong' };
}
