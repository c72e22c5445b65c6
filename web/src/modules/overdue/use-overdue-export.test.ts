import { describe, expect, it } from 'vitest';
import { exportPageSize } from './use-overdue-export';

describe('exportPageSize', () => {
  it('starts with the largest page each role’s default limits allow', () => {
    expect(exportPageSize(new Set(['ANALYST']))).toBe(300);
    expect(exportPageSize(new Set(['COMMITTEE_STAFF', 'MEMBER']))).toBe(200);
    expect(exportPageSize(new Set(['CELL_SECRETARY', 'MEMBER']))).toBe(100);
    expect(exportPageSize(new Set())).toBe(100);
  });
});
