import { describe, expect, it } from 'vitest';
import {
  boxOf,
  dotsPath,
  equirectangular,
  fitBox,
  mercator,
  mercatorMetres,
  MERCATOR_HALF,
  pan,
  pinchView,
  ringPath,
  tileZoom,
  toScreen,
  toWorld,
  visibleTiles,
  wheelFactor,
  zoomAt,
  zoomLimits,
} from './map-view';

// Xã Hữu Khuông's extent in the demo data.
const bounds = { southWest: { lat: 19.22, lng: 104.522 }, northEast: { lat: 19.288, lng: 104.602 } };

describe('equirectangular projection', () => {
  const projection = equirectangular(bounds);

  it('puts the middle of the bounds at the origin, north up and east right', () => {
    const middle = projection.project({ lat: 19.254, lng: 104.562 });
    expect(middle.x).toBeCloseTo(0, 6);
    expect(middle.y).toBeCloseTo(0, 6);
    const north = projection.project({ lat: 19.264, lng: 104.562 });
    const east = projection.project({ lat: 19.254, lng: 104.572 });
    expect(north.y).toBeLessThan(0);
    expect(east.x).toBeGreaterThan(0);
  });

  it('shortens a degree of longitude by cos(latitude), so distances read the same both ways', () => {
    const dx = projection.project({ lat: 19.254, lng: 104.572 }).x;
    const dy = -projection.project({ lat: 19.264, lng: 104.562 }).y;
    expect(dx / dy).toBeCloseTo(Math.cos((19.254 * Math.PI) / 180), 6);
    // 0.01° of latitude is about 1.1 km.
    expect(dy).toBeCloseTo(1113.2, 1);
  });

  it('unprojects what it projects', () => {
    const location = { lat: 19.2712, lng: 104.5391 };
    const back = projection.unproject(projection.project(location));
    expect(back.lat).toBeCloseTo(location.lat, 9);
    expect(back.lng).toBeCloseTo(location.lng, 9);
  });
});

describe('mercator projection', () => {
  it('matches Web Mercator metres (EPSG:3857)', () => {
    expect(mercatorMetres({ lat: 0, lng: 180 }).x).toBeCloseTo(MERCATOR_HALF, 3);
    // y grows southwards, as on screen and in the tile grid.
    expect(mercatorMetres({ lat: 85.05112878, lng: 0 }).y).toBeCloseTo(-MERCATOR_HALF, 0);
  });

  it('unprojects what it projects', () => {
    const projection = mercator(bounds);
    const location = { lat: 19.2712, lng: 104.5391 };
    const back = projection.unproject(projection.project(location));
    expect(back.lat).toBeCloseTo(location.lat, 9);
    expect(back.lng).toBeCloseTo(location.lng, 9);
  });
});

describe('fitting and zooming', () => {
  const projection = equirectangular(bounds);
  const box = boxOf(projection, [bounds.southWest, bounds.northEast])!;
  const size = { width: 800, height: 500 };

  it('fits the box inside the padded viewport, centred', () => {
    const view = fitBox(box, size, 20);
    const sw = toScreen(view, { x: box.minX, y: box.maxY });
    const ne = toScreen(view, { x: box.maxX, y: box.minY });
    // Taller than wide on this screen: the height is the limit.
    expect(sw.y).toBeCloseTo(480, 6);
    expect(ne.y).toBeCloseTo(20, 6);
    expect((sw.x + ne.x) / 2).toBeCloseTo(400, 6);
    expect(ne.x - sw.x).toBeLessThan(760);
  });

  it('does not zoom to a single home', () => {
    const one = { minX: 10, minY: 10, maxX: 10, maxY: 10 };
    expect(fitBox(one, size, 0).scale).toBeCloseTo(500 / 400, 6);
  });

  it('keeps the point under the cursor still when zooming, within limits', () => {
    const view = fitBox(box, size);
    const limits = zoomLimits(view);
    const anchor = { x: 123, y: 321 };
    const before = toWorld(view, anchor);
    const zoomed = zoomAt(view, 2, anchor, limits);
    expect(zoomed.scale).toBeCloseTo(view.scale * 2, 9);
    const after = toWorld(zoomed, anchor);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
    expect(zoomAt(view, 1e-6, anchor, limits).scale).toBe(limits.min);
    expect(zoomAt(view, 1e9, anchor, limits).scale).toBe(limits.max);
  });

  it('pans by screen pixels', () => {
    expect(pan({ scale: 2, tx: 1, ty: 1 }, 10, -5)).toEqual({ scale: 2, tx: 11, ty: -4 });
  });

  it('zooms in on a wheel turned forwards and out backwards', () => {
    expect(wheelFactor(-100)).toBeGreaterThan(1);
    expect(wheelFactor(100)).toBeLessThan(1);
    expect(wheelFactor(-100) * wheelFactor(100)).toBeCloseTo(1, 9);
    // Lines (Firefox) count like pixels.
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-48), 9);
  });

  it('pinches: spread fingers zoom, and the place between them follows them', () => {
    const view = { scale: 1, tx: 0, ty: 0 };
    const limits = { min: 0.1, max: 10 };
    const next = pinchView(view, [{ x: 100, y: 100 }, { x: 200, y: 100 }], [{ x: 100, y: 150 }, { x: 300, y: 150 }], limits);
    expect(next.scale).toBeCloseTo(2, 9);
    // World (150, 100) was between the fingers; it is now between them at (200, 150).
    expect(toScreen(next, { x: 150, y: 100 })).toEqual({ x: 200, y: 150 });
  });
});

describe('paths', () => {
  it('draws a ring closed, and nothing for fewer than three corners', () => {
    const projection = equirectangular(bounds);
    expect(ringPath(projection, [bounds.southWest, bounds.northEast])).toBe('');
    const path = ringPath(projection, [bounds.southWest, { lat: 19.22, lng: 104.602 }, bounds.northEast]);
    expect(path).toMatch(/^M-?\d+(\.\d)? -?\d+(\.\d)?L.*Z$/);
    expect(path.match(/[ML]/g)).toHaveLength(3);
  });

  it('draws each point as a zero-length segment', () => {
    expect(dotsPath([{ x: 1.234, y: -5.06 }, { x: 3, y: 4 }])).toBe('M1.2 -5.1h0M3 4h0');
  });
});

describe('raster tiles', () => {
  it('picks the tile zoom whose pixels match the screen', () => {
    // At zoom 15 a tile pixel is about 4.78 m.
    expect(tileZoom(1 / 4.78)).toBe(15);
    expect(tileZoom(1e-9)).toBe(0);
    expect(tileZoom(1e9)).toBe(19);
  });

  it('covers the viewport with tiles placed where the projection puts their corners', () => {
    const projection = mercator(bounds);
    const size = { width: 512, height: 512 };
    const view = fitBox(boxOf(projection, [bounds.southWest, bounds.northEast])!, size);
    const tiles = visibleTiles('https://tiles.example/{z}/{x}/{y}.png', projection, view, size);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(16);
    const [z, x, y] = tiles[0].key.split('/').map(Number);
    expect(tiles[0].url).toBe(`https://tiles.example/${z}/${x}/${y}.png`);
    // The tile's north-west corner, computed from its index, lands on its placement.
    const n = 2 ** z;
    const corner = projection.project({
      lat: (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI,
      lng: (x / n) * 360 - 180,
    });
    expect(corner.x).toBeCloseTo(tiles[0].x, 3);
    expect(corner.y).toBeCloseTo(tiles[0].y, 3);
    // Every corner of the viewport is on some tile.
    for (const point of [{ x: 0, y: 0 }, { x: 512, y: 512 }]) {
      const world = toWorld(view, point);
      expect(tiles.some((tile) => world.x >= tile.x && world.x <= tile.x + tile.size && world.y >= tile.y && world.y <= tile.y + tile.size)).toBe(true);
    }
  });

  it('draws no tiles without the Mercator projection', () => {
    const projection = equirectangular(bounds);
    expect(visibleTiles('{z}/{x}/{y}', projection, { scale: 1, tx: 0, ty: 0 }, { width: 100, height: 100 })).toEqual([]);
  });
});
