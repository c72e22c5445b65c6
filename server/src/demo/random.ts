/**
 * Deterministic randomness for the demo data: sfc32 seeded from a hash of the run seed and
 * a path of keys, so every commune draws from its own stream whatever order it is built in.
 */

/** xmur3-style string hash producing a stream of 32-bit seeds. */
function hashSeeds(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, ...keys: (string | number)[]) {
    const next = hashSeeds([seed, ...keys].join('/'));
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Approximately normal (sum of three uniforms), clamped to [min, max]. */
  around(mean: number, spread: number, min = -Infinity, max = Infinity): number {
    const v = mean + spread * (this.next() + this.next() + this.next() - 1.5) * 1.15;
    return Math.min(max, Math.max(min, v));
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items.slice()).slice(0, count);
  }
}

/** A weighted choice, prepared once: `weighted([['a', 3], ['b', 1]])(rng)`. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const bounds: number[] = [];
  let acc = 0;
  for (const [, w] of entries) bounds.push((acc += w) / total);
  return (rng) => {
    const x = rng.next();
    for (let i = 0; i < bounds.length; i++) if (x < bounds[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

// Dates are whole days since 1970-01-01 (UTC); formatting is cached because it runs per row.
const MS_PER_DAY = 86_400_000;
const dayCache = new Map<number, string>();

export function toDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Expected a date as YYYY-MM-DD, got "${iso}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== iso) throw new Error(`Not a calendar date: "${iso}"`);
  return ms / MS_PER_DAY;
}

export function isoDay(day: number): string {
  let text = dayCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dayCache.set(day, text);
  }
  return text;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function firstDayOfYear(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** A timestamp on `day` at local Vietnamese time (UTC+7), minutes after midnight. */
export function stamp(day: number, minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${isoDay(day)} ${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:00+07`;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "dd/mm/yyyy", as Vietnamese documents write dates. */
export function viDate(day: number): string {
  const iso = isoDay(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
