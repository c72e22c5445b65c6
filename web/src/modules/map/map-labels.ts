import type { Point } from './map-view';

export interface LabelCandidate {
  key: string;
  text: string;
  at: Point;
  /** Larger areas keep their label when two collide. */
  weight: number;
}

export interface PlacedLabel {
  key: string;
  text: string;
  x: number;
  y: number;
}

/** Unit names repeat their kind ("Chi bộ bản Xốp Mạt"); on the map the place name says enough. */
export function shortUnitName(name: string): string {
  const short = name.replace(/^(Chi bộ|Đảng bộ)\s+/u, '');
  return short || name;
}

/**
 * Keeps the labels that do not overlap a heavier one, each estimated as a box of its text
 * (an average glyph of `charWidth` pixels) centred on its point, inside the viewport's width.
 */
export function placeLabels(candidates: readonly LabelCandidate[], viewport?: { width: number }, charWidth = 7, height = 16): PlacedLabel[] {
  const placed: (PlacedLabel & { w: number })[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.weight - a.weight)) {
    const w = candidate.text.length * charWidth;
    // A label near the edge slides inwards rather than being cut off.
    const x = viewport ? Math.min(Math.max(candidate.at.x, w / 2 + 4), viewport.width - w / 2 - 4) : candidate.at.x;
    const label = { ...candidate, at: { x, y: candidate.at.y } };
    const clash = placed.some((other) => Math.abs(other.x - label.at.x) * 2 < other.w + w && Math.abs(other.y - label.at.y) < height);
    if (!clash) placed.push({ key: label.key, text: label.text, x: label.at.x, y: label.at.y, w });
  }
  return placed.map(({ key, text, x, y }) => ({ key, text, x, y }));
}
