import { describe, expect, it } from 'vitest';
import { placeLabels, shortUnitName } from './map-labels';

describe('map labels', () => {
  it('drops the unit kind from names', () => {
    expect(shortUnitName('Chi bộ bản Xốp Mạt')).toBe('bản Xốp Mạt');
    expect(shortUnitName('Đảng bộ xã Hữu Khuông')).toBe('xã Hữu Khuông');
    expect(shortUnitName('Xã Nga My')).toBe('Xã Nga My');
  });

  it('keeps the larger area’s label when two would overlap', () => {
    const placed = placeLabels([
      { key: 'small', text: 'bản Xàn', at: { x: 105, y: 102 }, weight: 10 },
      { key: 'large', text: 'bản Chà Lâng', at: { x: 100, y: 100 }, weight: 50 },
      { key: 'far', text: 'bản Huồi Xái', at: { x: 100, y: 300 }, weight: 5 },
    ]);
    expect(placed.map((label) => label.key)).toEqual(['large', 'far']);
  });

  it('slides a label at the edge inside the map', () => {
    const [label] = placeLabels([{ key: 'edge', text: 'bản Huồi Xái', at: { x: 385, y: 50 }, weight: 1 }], { width: 390 });
    expect(label.x + (12 * 7) / 2).toBeLessThanOrEqual(390);
  });
});
