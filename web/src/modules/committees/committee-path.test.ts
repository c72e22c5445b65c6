import { describe, expect, it } from 'vitest';
import { committeePath, type NestedCommittee } from './committee-path';

const commune: NestedCommittee = {
  id: '3',
  name: 'Xã Hữu Khuông',
  kind: 'COMMUNE',
  parent: {
    id: '2',
    name: 'Huyện Tương Dương',
    kind: 'DISTRICT',
    parent: { id: '1', name: 'Tỉnh Nghệ An', kind: 'PROVINCE', parent: null },
  },
};

describe('committeePath', () => {
  it('lists the ancestors from the province down to the parent, without the committee itself', () => {
    expect(committeePath(commune)).toEqual({
      ancestors: [
        { id: '1', name: 'Tỉnh Nghệ An', kind: 'PROVINCE' },
        { id: '2', name: 'Huyện Tương Dương', kind: 'DISTRICT' },
      ],
      cutAt: null,
    });
  });

  it('gives a top-level committee no ancestors', () => {
    expect(committeePath({ id: '1', name: 'Tỉnh Nghệ An', kind: 'PROVINCE', parent: null })).toEqual({ ancestors: [], cutAt: null });
  });

  it('has nothing to show while the committee is not loaded', () => {
    expect(committeePath(undefined)).toEqual({ ancestors: [], cutAt: null });
    expect(committeePath(null)).toEqual({ ancestors: [], cutAt: null });
  });

  it('says where a chain deeper than the query was cut, so the user can still go up', () => {
    const deep: NestedCommittee = {
      id: '9',
      name: 'Đảng bộ cơ sở',
      kind: 'GRASSROOTS',
      parent: { id: '8', name: 'Đảng bộ Khối', kind: 'BLOC', parent: { id: '7' } },
    };
    expect(committeePath(deep)).toEqual({
      ancestors: [{ id: '8', name: 'Đảng bộ Khối', kind: 'BLOC' }],
      cutAt: '7',
    });
  });

  it('stops at a cycle instead of looping', () => {
    const a: NestedCommittee = { id: 'a', name: 'A', kind: 'COMMUNE' };
    const b: NestedCommittee = { id: 'b', name: 'B', kind: 'DISTRICT', parent: a };
    a.parent = b;
    expect(committeePath(a).ancestors.map((crumb) => crumb.id)).toEqual(['b']);
  });
});
