import { describe, expect, it } from 'vitest';
import { overviewCounts } from './classification-overview';

describe('classification overview', () => {
  it('counts cells by status', () => {
    const rows = [{ status: 'APPROVED' as const }, { status: 'SUBMITTED' as const }, { status: 'DRAFT' as const }, { status: 'APPROVED' as const }];
    expect(overviewCounts(rows)).toEqual({ submitted: 1, approved: 2, draft: 1, total: 4 });
  });
});
