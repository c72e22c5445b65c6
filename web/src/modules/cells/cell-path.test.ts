import { describe, expect, it } from 'vitest';
import { cellPath } from './cell-path';

describe('cellPath', () => {
  it('ends the breadcrumbs with the committee that holds the cell', () => {
    const commune = {
      id: '3',
      name: 'Xã Hữu Khuông',
      kind: 'COMMUNE' as const,
      parent: { id: '2', name: 'Huyện Tương Dương', kind: 'DISTRICT' as const, parent: null },
    };
    expect(cellPath(commune).ancestors.map((crumb) => crumb.name)).toEqual(['Huyện Tương Dương', 'Xã Hữu Khuông']);
  });

  it('has only the way back to the top when the committee is out of the viewer’s scope', () => {
    expect(cellPath(null)).toEqual({ ancestors: [], cutAt: null });
  });
});
