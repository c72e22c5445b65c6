import type { Point } from './map-view';

/**
 * The index of the point nearest to `target` within `radius` (all in the same units), or -1.
 * A linear scan: a click is one event, and 20,000 points take well under a millisecond.
 */
export function nearestPoint(points: readonly Point[], target: Point, radius: number): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let index = 0; index < points.length; index++) {
    const dx = points[index].x - target.x;
    const dy = points[index].y - target.y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether a point lies inside a polygon (even-odd rule); the outlines are convex, but this holds for any ring. */
export function insideRing(ring: readonly Point[], { x, y }: Point): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
