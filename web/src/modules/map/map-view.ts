/**
 * The map's geometry, without a map library: a projection to local metres, the view transform
 * (screen = world × scale + translate), fitting, zooming about a point, and the raster tiles a
 * view needs. World coordinates are metres from an origin near the unit, so SVG numbers stay small.
 */

export interface LatLng {
  lat: number;
  lng: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Bounds {
  southWest: LatLng;
  northEast: LatLng;
}

export interface Size {
  width: number;
  height: number;
}

/** Screen = world × scale + (tx, ty); y grows downwards on both. */
export interface View {
  scale: number;
  tx: number;
  ty: number;
}

export type ProjectionKind = 'equirectangular' | 'mercator';

export interface Projection {
  kind: ProjectionKind;
  /** Metres east and south of the origin. */
  project(location: LatLng): Point;
  unproject(point: Point): LatLng;
  /** The projection's raw coordinates of the origin (Web Mercator metres for tiles). */
  origin: Point;
}

/** Metres per degree of latitude (mean). */
export const METRES_PER_DEGREE = 111_320;
/** Half the side of the Web Mercator square, in metres (EPSG:3857). */
export const MERCATOR_HALF = 20_037_508.342789244;
const EARTH_RADIUS = 6_378_137;
const RAD = Math.PI / 180;

/**
 * Plate carrée scaled by cos(latitude) at the middle of the bounds: over a district (tens of km)
 * the distortion is far below what a reader notices, and no tile grid has to match.
 */
export function equirectangular(bounds: Bounds): Projection {
  const lat0 = (bounds.southWest.lat + bounds.northEast.lat) / 2;
  const lng0 = (bounds.southWest.lng + bounds.northEast.lng) / 2;
  const kx = Math.cos(lat0 * RAD) * METRES_PER_DEGREE;
  return {
    kind: 'equirectangular',
    origin: { x: lng0 * kx, y: -lat0 * METRES_PER_DEGREE },
    project: ({ lat, lng }) => ({ x: (lng - lng0) * kx, y: (lat0 - lat) * METRES_PER_DEGREE }),
    unproject: ({ x, y }) => ({ lat: lat0 - y / METRES_PER_DEGREE, lng: lng0 + x / kx }),
  };
}

/** Raw Web Mercator metres, y downwards (the tile grid's orientation). */
export function mercatorMetres({ lat, lng }: LatLng): Point {
  const clamped = Math.max(-85.05112878, Math.min(85.05112878, lat));
  return { x: EARTH_RADIUS * lng * RAD, y: -EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * RAD) / 2)) };
}

/** Web Mercator, used only under raster tiles so that the drawing lines up with them. */
export function mercator(bounds: Bounds): Projection {
  const origin = mercatorMetres({
    lat: (bounds.southWest.lat + bounds.northEast.lat) / 2,
    lng: (bounds.southWest.lng + bounds.northEast.lng) / 2,
  });
  return {
    kind: 'mercator',
    origin,
    project: (location) => {
      const raw = mercatorMetres(location);
      return { x: raw.x - origin.x, y: raw.y - origin.y };
    },
    unproject: ({ x, y }) => ({
      lat: (2 * Math.atan(Math.exp(-(y + origin.y) / EARTH_RADIUS)) - Math.PI / 2) / RAD,
      lng: (x + origin.x) / EARTH_RADIUS / RAD,
    }),
  };
}

export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The projected box around some locations; null for none. */
export function boxOf(projection: Projection, locations: readonly LatLng[]): Box | null {
  if (!locations.length) return null;
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const location of locations) {
    const { x, y } = projection.project(location);
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

/** Smallest box side taken when fitting, in metres: one home alone is shown with its neighbourhood. */
const MIN_FIT_METRES = 400;

/** The view that shows a box whole and centred in the viewport, with `padding` pixels on each side. */
export function fitBox(box: Box, size: Size, padding = 24): View {
  const width = Math.max(box.maxX - box.minX, MIN_FIT_METRES);
  const height = Math.max(box.maxY - box.minY, MIN_FIT_METRES);
  const usableW = Math.max(size.width - 2 * padding, 1);
  const usableH = Math.max(size.height - 2 * padding, 1);
  const scale = Math.min(usableW / width, usableH / height);
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return { scale, tx: size.width / 2 - cx * scale, ty: size.height / 2 - cy * scale };
}

export function toScreen(view: View, point: Point): Point {
  return { x: point.x * view.scale + view.tx, y: point.y * view.scale + view.ty };
}

export function toWorld(view: View, point: Point): Point {
  return { x: (point.x - view.tx) / view.scale, y: (point.y - view.ty) / view.scale };
}

export interface ZoomLimits {
  min: number;
  max: number;
}

/** From a quarter of the fitted scale (context around the unit) to about 4 pixels a metre (single homes). */
export function zoomLimits(fitted: View): ZoomLimits {
  return { min: fitted.scale / 4, max: Math.max(4, fitted.scale) };
}

/** Zooms by `factor` keeping the world point under `anchor` (a screen point) where it is. */
export function zoomAt(view: View, factor: number, anchor: Point, limits: ZoomLimits): View {
  const scale = Math.min(limits.max, Math.max(limits.min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, tx: anchor.x - (anchor.x - view.tx) * k, ty: anchor.y - (anchor.y - view.ty) * k };
}

export function pan(view: View, dx: number, dy: number): View {
  return { ...view, tx: view.tx + dx, ty: view.ty + dy };
}

/** A wheel's delta (pixels) as a zoom factor: a notch of ~100 px zooms by about 1.2. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-Math.max(-300, Math.min(300, pixels)) * 0.0018);
}

/** SVG path data of a closed ring in world coordinates, rounded to decimetres. */
export function ringPath(projection: Projection, ring: readonly LatLng[]): string {
  if (ring.length < 3) return '';
  return (
    ring
      .map((location, index) => {
        const { x, y } = projection.project(location);
        return `${index ? 'L' : 'M'}${round(x)} ${round(y)}`;
      })
      .join('') + 'Z'
  );
}

/**
 * One path of zero-length segments for many points: drawn with a round cap and a stroke width,
 * each becomes a dot. Thousands of homes cost one DOM element.
 */
export function dotsPath(points: readonly Point[]): string {
  let d = '';
  for (const { x, y } of points) d += `M${round(x)} ${round(y)}h0`;
  return d;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface Tile {
  key: string;
  url: string;
  /** Placement in world coordinates. */
  x: number;
  y: number;
  size: number;
}

/** Raster tiles are 256 px squares; zoom 19 is the deepest most servers offer. */
const TILE_PIXELS = 256;
const MAX_TILE_ZOOM = 19;
/** Never ask for more than this many tiles for one view (a very tall or wide window). */
const MAX_TILES = 64;

/** The tile zoom whose pixels are closest to the screen's at this scale (pixels per metre). */
export function tileZoom(scale: number): number {
  const z = Math.round(Math.log2((scale * 2 * MERCATOR_HALF) / TILE_PIXELS));
  return Math.max(0, Math.min(MAX_TILE_ZOOM, z));
}

/** The tiles covering the viewport, from a `{z}/{x}/{y}` template; only for the Mercator projection. */
export function visibleTiles(template: string, projection: Projection, view: View, size: Size): Tile[] {
  if (projection.kind !== 'mercator') return [];
  const z = tileZoom(view.scale);
  const count = 2 ** z;
  const tileMetres = (2 * MERCATOR_HALF) / count;
  const topLeft = toWorld(view, { x: 0, y: 0 });
  const bottomRight = toWorld(view, { x: size.width, y: size.height });
  // Tile indices count from the north-west corner of the Mercator square.
  const index = (metres: number, originMetres: number) => Math.floor((metres + originMetres + MERCATOR_HALF) / tileMetres);
  const x0 = Math.max(0, index(topLeft.x, projection.origin.x));
  const x1 = Math.min(count - 1, index(bottomRight.x, projection.origin.x));
  const y0 = Math.max(0, index(topLeft.y, projection.origin.y));
  const y1 = Math.min(count - 1, index(bottomRight.y, projection.origin.y));
  const tiles: Tile[] = [];
  for (let ty = y0; ty <= y1; ty++) {
    for (let tx = x0; tx <= x1; tx++) {
      if (tiles.length >= MAX_TILES) return tiles;
      tiles.push({
        key: `${z}/${tx}/${ty}`,
        url: template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty)),
        x: tx * tileMetres - MERCATOR_HALF - projection.origin.x,
        y: ty * tileMetres - MERCATOR_HALF - projection.origin.y,
        size: tileMetres,
      });
    }
  }
  return tiles;
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/**
 * Two fingers: the view at the start of the gesture, zoomed by how far the fingers spread and
 * moved with their midpoint, so the place under the fingers stays under them.
 */
export function pinchView(start: View, from: [Point, Point], to: [Point, Point], limits: ZoomLimits): View {
  const before = Math.hypot(from[0].x - from[1].x, from[0].y - from[1].y);
  const after = Math.hypot(to[0].x - to[1].x, to[0].y - to[1].y);
  const scale = Math.min(limits.max, Math.max(limits.min, start.scale * (before > 0 ? after / before : 1)));
  const anchor = toWorld(start, midpoint(from[0], from[1]));
  const mid = midpoint(to[0], to[1]);
  return { scale, tx: mid.x - anchor.x * scale, ty: mid.y - anchor.y * scale };
}

/** Keeps the world point at the viewport's centre there when the viewport changes size. */
export function resizeView(view: View, from: Size, to: Size): View {
  return pan(view, (to.width - from.width) / 2, (to.height - from.height) / 2);
}
