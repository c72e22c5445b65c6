import { describe, expect, test } from 'vitest';
import { convexHull, gridOutline } from './hull.js';

describe('convexHull', () => {
  test('keeps the corners of a square and drops inner and collinear points', () => {
    const hull = convexHull([
      { lat: 0, lng: 0 }, { lat: 0, lng: 2 }, { lat: 2, lng: 2 }, { lat: 2, lng: 0 },
      { lat: 1, lng: 1 }, { lat: 0, lng: 1 }, { lat: 2, lng: 2 },
    ]);
    expect(hull).toHaveLength(4);
    expect(new Set(hull.map((p) => `${p.lat},${p.lng}`))).toEqual(new Set(['0,0', '0,2', '2,2', '2,0']));
  });

  test('fewer than three distinct points come back as they are', () => {
    expect(convexHull([{ lat: 1, lng: 1 }, { lat: 1, lng: 1 }])).toEqual([{ lat: 1, lng: 1 }]);
    expect(convexHull([])).toEqual([]);
  });
});

describe('gridOutline', () => {
  test('outlines whole grid squares, so no vertex is a point inside them', () => {
    const outline = gridOutline([{ gy: 9650, gx: 52250 }, { gy: 9651, gx: 52251 }], 0.002);
    expect(outline).toHaveLength(6);
    for (const vertex of outline) {
      expect(Math.abs(vertex.lat / 0.002 - Math.round(vertex.lat / 0.002))).toBeLessThan(1e-6);
      expect(Math.abs(vertex.lng / 0.002 - Math.round(vertex.lng / 0.002))).toBeLessThan(1e-6);
    }
    expect(Math.min(...outline.map((v) => v.lat))).toBeCloseTo(19.3, 6);
    expect(Math.max(...outline.map((v) => v.lng))).toBeCloseTo(104.504, 6);
  });
});
