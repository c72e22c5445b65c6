import { describe, expect, it } from 'vitest';
import type { CommitteeKind, ViewerFieldsFragment } from '../../gql/graphql';
import { homeLocation, viewerUnits } from './viewer-units';

type Binding = ViewerFieldsFragment['roles'][number];
const province = { id: '1', name: 'Tỉnh Nghệ An', kind: 'PROVINCE' as const };
const district = { id: '2', name: 'Huyện Tương Dương', kind: 'DISTRICT' as const };
const commune = { id: '3', name: 'Xã Hữu Khuông', kind: 'COMMUNE' as const };
const xopMat = { id: '31', name: 'Chi bộ bản Xốp Mạt', committee: commune };
type Committee = { id: string; name: string; kind: CommitteeKind };
const at = (role: Binding['role'], unit: { committee?: Committee; cell?: typeof xopMat } = {}): Binding => ({
  role,
  committee: unit.committee ?? null,
  cell: unit.cell ?? null,
});
const viewer = (...roles: Binding[]) => ({ roles });

describe('viewerUnits', () => {
  it('puts the roles a person holds in one cell on one line', () => {
    expect(viewerUnits(viewer(at('CELL_SECRETARY', { cell: xopMat }), at('MEMBER', { cell: xopMat })))).toEqual({
      global: [],
      units: [{ kind: 'cell', id: '31', name: 'Chi bộ bản Xốp Mạt', committee: commune, roles: ['CELL_SECRETARY', 'MEMBER'] }],
    });
  });

  it('places a MEMBER role, which the API binds to no unit, in the member’s own cell', () => {
    const units = viewerUnits({ roles: [at('CELL_SECRETARY', { cell: xopMat }), at('MEMBER')], account: { member: { cell: xopMat } } });
    expect(units.global).toEqual([]);
    expect(units.units.map((unit) => [unit.name, unit.roles])).toEqual([['Chi bộ bản Xốp Mạt', ['CELL_SECRETARY', 'MEMBER']]]);
  });

  it('keeps roles without a unit apart', () => {
    expect(viewerUnits(viewer(at('ADMIN')))).toEqual({ global: ['ADMIN'], units: [] });
  });
});

describe('homeLocation', () => {
  it('starts a global administrator at the top of the tree', () => {
    expect(homeLocation(viewer(at('ADMIN')))).toEqual({ name: 'committees' });
  });

  it('starts committee staff and analysts at their committee', () => {
    expect(homeLocation(viewer(at('COMMITTEE_STAFF', { committee: district })))).toEqual({ name: 'committee', params: { id: '2' } });
    expect(homeLocation(viewer(at('ANALYST', { committee: province })))).toEqual({ name: 'committee', params: { id: '1' } });
  });

  it('starts a cell secretary and a member at the committee that holds their cell', () => {
    const member = { member: { cell: xopMat } };
    expect(homeLocation({ roles: [at('CELL_SECRETARY', { cell: xopMat }), at('MEMBER')], account: member })).toEqual({ name: 'committee', params: { id: '3' } });
    expect(homeLocation({ roles: [at('MEMBER')], account: member })).toEqual({ name: 'committee', params: { id: '3' } });
  });

  it('starts an account whose member record is out of sight at the top of the tree', () => {
    expect(homeLocation({ roles: [at('MEMBER')], account: { member: null } })).toEqual({ name: 'committees' });
  });

  it('lets someone with units in several committees choose from the top', () => {
    expect(homeLocation(viewer(at('COMMITTEE_STAFF', { committee: district }), at('CELL_SECRETARY', { cell: xopMat })))).toEqual({ name: 'committees' });
    expect(homeLocation(null)).toEqual({ name: 'committees' });
  });
});
