import { describe, expect, it } from 'vitest';
import { canBeAssigned, memberLoad, orderHouseholds, overloadAfterAssigning, validateAssignment } from './assignment-plan';

const member = (id: string, held: number, status: 'ACTIVE' | 'EXEMPT' = 'ACTIVE') => ({
  id,
  status,
  livesInCommune: true,
  assignments: Array.from({ length: held }, (_, i) => ({ id: `${id}-${i}` })),
});
const household = (id: string, extra: Partial<{ isPriority: boolean; priorityFlags: 'POLICY_FAMILY'[]; povertyStatus: 'POOR' | 'NEAR_POOR' | 'NONE' }> = {}) => ({
  id,
  isPriority: false,
  priorityFlags: [] as 'POLICY_FAMILY'[],
  povertyStatus: 'NONE' as const,
  ...extra,
});

describe('a member’s load', () => {
  it('counts the households held and warns past two', () => {
    expect(memberLoad(member('1', 2))).toBe(2);
    expect(overloadAfterAssigning(member('1', 1))).toBeNull();
    expect(overloadAfterAssigning(member('1', 2))).toBe(3);
    expect(overloadAfterAssigning(null)).toBeNull();
  });

  it('never offers an exempt member', () => {
    expect(canBeAssigned(member('1', 0))).toBe(true);
    expect(canBeAssigned(member('2', 0, 'EXEMPT'))).toBe(false);
  });
});

describe('orderHouseholds', () => {
  const list = [
    household('1'),
    household('2', { isPriority: true, priorityFlags: ['POLICY_FAMILY'] }),
    household('3', { isPriority: true, povertyStatus: 'NEAR_POOR' }),
    household('4'),
    household('5', { isPriority: true, povertyStatus: 'POOR' }),
  ];

  it('puts poor, then near-poor, then other priority households first and keeps the rest in order', () => {
    expect(orderHouseholds(list, 'all').map((h) => h.id)).toEqual(['5', '3', '2', '1', '4']);
  });

  it('keeps only priority households when asked', () => {
    expect(orderHouseholds(list, 'priority').map((h) => h.id)).toEqual(['5', '3', '2']);
  });
});

describe('validateAssignment', () => {
  const context = { members: [member('m1', 1), member('m2', 0, 'EXEMPT')], households: [household('h1')], today: '2026-11-23' };

  it('needs a free household and a member', () => {
    expect(validateAssignment({ householdId: '', memberId: '', startedOn: '' }, context)).toEqual([
      { field: 'householdId', key: 'assignments.form.householdRequired' },
      { field: 'memberId', key: 'assignments.form.memberRequired' },
    ]);
    expect(validateAssignment({ householdId: 'h9', memberId: 'm1', startedOn: '' }, context)).toEqual([
      { field: 'householdId', key: 'assignments.form.householdTaken' },
    ]);
  });

  it('refuses an exempt member with the rule’s own words', () => {
    expect(validateAssignment({ householdId: 'h1', memberId: 'm2', startedOn: '' }, context)).toEqual([
      { field: 'memberId', key: 'domainError.MEMBER_EXEMPT' },
    ]);
  });

  it('takes an empty start date as today and refuses one after today', () => {
    expect(validateAssignment({ householdId: 'h1', memberId: 'm1', startedOn: '' }, context)).toEqual([]);
    expect(validateAssignment({ householdId: 'h1', memberId: 'm1', startedOn: '2026-11-23' }, context)).toEqual([]);
    expect(validateAssignment({ householdId: 'h1', memberId: 'm1', startedOn: '2026-11-24' }, context)).toEqual([
      { field: 'startedOn', key: 'assignments.form.futureDate' },
    ]);
    expect(validateAssignment({ householdId: 'h1', memberId: 'm1', startedOn: '2026-13-01' }, context)).toEqual([
      { field: 'startedOn', key: 'assignments.form.badDate' },
    ]);
  });
});
