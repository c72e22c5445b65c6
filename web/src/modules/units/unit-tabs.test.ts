import { describe, expect, it } from 'vitest';
import type { RouteRecordNormalized } from 'vue-router';
import { allowedFor, heldRoles, unitTabs } from './unit-tabs';

const record = (name: string, unitTab?: RouteRecordNormalized['meta']['unitTab']) =>
  ({ name, meta: unitTab ? { unitTab } : {} }) as RouteRecordNormalized;

describe('unit tabs', () => {
  const routes = [
    record('committee-overdue', { unit: 'committee', labelKey: 'x.overdue', order: 20 }),
    record('committee', { unit: 'committee', labelKey: 'x.overview', order: 0 }),
    record('cell-assign', { unit: 'cell', labelKey: 'x.assign', order: 10, roles: ['CELL_SECRETARY', 'ADMIN'] }),
    record('cell', { unit: 'cell', labelKey: 'x.cell', order: 0 }),
    record('explorer'),
  ];

  it('lists one unit kind in order', () => {
    expect(unitTabs(routes, 'committee', new Set()).map((tab) => tab.name)).toEqual(['committee', 'committee-overdue']);
  });

  it('hides a tab from viewers without its roles', () => {
    expect(unitTabs(routes, 'cell', heldRoles({ roles: [{ role: 'MEMBER' }] })).map((tab) => tab.name)).toEqual(['cell']);
    expect(unitTabs(routes, 'cell', heldRoles({ roles: [{ role: 'CELL_SECRETARY' }] })).map((tab) => tab.name)).toEqual([
      'cell',
      'cell-assign',
    ]);
  });

  it('allows an entry without roles to everyone', () => {
    expect(allowedFor(undefined, new Set())).toBe(true);
    expect(allowedFor(['ANALYST'], new Set(['MEMBER']))).toBe(false);
  });
});
