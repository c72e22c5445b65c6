/** A point in degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

const cross = (o: LatLng, a: LatLng, b: LatLng) => (a.lng - o.lng) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lng - o.lng);

/**
 * Convex hull (Andrew's monotone chain), counter-clockwise, no repeated closing point. Fewer than
 * three distinct points give those points back.
 */
export function convexHull(points: readonly LatLng[]): LatLng[] {
  const sorted = [...points].sort((a, b) => a.lng - b.lng || a.lat - b.lat);
  const unique = sorted.filter((p, i) => i === 0 || p.lng !== sorted[i - 1].lng || p.lat !== sorted[i - 1].lat);
  if (unique.length < 3) return unique;
  const half = (list: LatLng[]) => {
    const chain: LatLng[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2], chain[chain.length - 1], p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(unique), ...half([...unique].reverse())];
}

/**
 * The outline of a set of grid squares (`gy`, `gx` in units of `size` degrees): the hull of their
 * corners. Every vertex is a grid corner, never a household's own location.
 */
export function gridOutline(squares: readonly { gy: number; gx: number }[], size: number): LatLng[] {
  const corners = squares.flatMap(({ gy, gx }) => [
    { lat: gy * size, lng: gx * size },
    { lat: (gy + 1) * size, lng: gx * size },
    { lat: gy * size, lng: (gx + 1) * size },
    { lat: (gy + 1) * size, lng: (gx + 1) * size },
  ]);
  return convexHull(corners).map(({ lat, lng }) => ({ lat: round(lat), lng: round(lng) }));
}

/** Float noise of grid multiplication removed (0.1 * 3 = 0.30000000000000004). */
const round = (value: number) => Math.round(value * 1e6) / 1e6;
