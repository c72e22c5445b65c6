import { describe, expect, it } from 'vitest';
import { groupCells, memberOptions } from './use-filter-options';

describe('groupCells', () => {
  it('groups cells with the same name under their own communes', () => {
    const cell = (id: string, name: string, committee: { id: string; name: string } | null) => ({ id, name, committee });
    const huuKhuong = { id: '3', name: 'Xã Hữu Khuông' };
    const tamQuang = { id: '4', name: 'Xã Tam Quang' };
    expect(
      groupCells([cell('31', 'Chi bộ bản Xàn', huuKhuong), cell('32', 'Chi bộ bản Xốp Mạt', huuKhuong), cell('41', 'Chi bộ bản Xàn', tamQuang), cell('9', 'Chi bộ Cơ quan', null)]),
    ).toEqual([
      { committee: 'Xã Hữu Khuông', cells: [{ id: '31', name: 'Chi bộ bản Xàn' }, { id: '32', name: 'Chi bộ bản Xốp Mạt' }] },
      { committee: 'Xã Tam Quang', cells: [{ id: '41', name: 'Chi bộ bản Xàn' }] },
      { committee: '', cells: [{ id: '9', name: 'Chi bộ Cơ quan' }] },
    ]);
  });
});

describe('memberOptions', () => {
  it('lists each member holding households once, by Vietnamese name, hidden names last and members out of scope left out', () => {
    expect(
      memberOptions([
        { id: '9', fullName: 'Vi Văn Hưng' },
        null,
        { id: '12', fullName: null },
        { id: '3', fullName: 'Đinh Thị Hoa' },
        { id: '9', fullName: 'Vi Văn Hưng' },
        { id: '4', fullName: null },
        { id: '5', fullName: 'Lô Văn Bằng' },
      ]).map((member) => member.id),
    ).toEqual(['3', '5', '9', '4', '12']);
  });
});
