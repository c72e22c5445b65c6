import { describe, expect, it } from 'vitest';
import { insideRing, nearestPoint } from './map-hit';

describe('picking a household', () => {
  const points = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 0 },
  ];

  it('takes the nearest point within the radius', () => {
    expect(nearestPoint(points, { x: 2, y: 1 }, 5)).toBe(0);
    expect(nearestPoint(points, { x: 50, y: 50 }, 5)).toBe(-1);
  });

  it('takes the one drawn last when two overlap (the one on top)', () => {
    expect(nearestPoint(points, { x: 10, y: 1 }, 5)).toBe(2);
  });
});

describe('picking an area', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 10 },
    { x: 0, y: 10 },
  ];

  it('tells inside from outside', () => {
    expect(insideRing(square, { x: 5, y: 5 })).toBe(true);
    expect(insideRing(square, { x: 15, y: 5 })).toBe(false);
    expect(insideRing(square, { x: -1, y: -1 })).toBe(false);
  });
});
