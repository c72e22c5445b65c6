import { describe, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { COVERAGE_FRESH_MS, COVERAGE_STALE_MS, CoverageCache, type CoverageReport, type UnitRef } from './coverage.js';

const unit: UnitRef = { kind: 'committee', id: 2, path: '/1/2/' };
const flush = () => new Promise((r) => setTimeout(r, 0));

/** A cache over a fake computation that counts its calls and resolves when told to. */
function setup() {
  let clock = 1_000_000;
  const calls: { asOf?: string; resolve: (r: CoverageReport) => void }[] = [];
  const report = (n: number) => ({ unit: { unitKind: 'committee', unitId: n, name: `run ${n}`, figures: {} }, children: [], computedAt: new Date() }) as unknown as CoverageReport;
  const cache = new CoverageCache(
    () => ({}) as EntityManager,
    (_em, _unit, asOf) => new Promise<CoverageReport>((resolve) => calls.push({ asOf, resolve })),
    () => clock,
  );
  return { cache, calls, report, tick: (ms: number) => { clock += ms; } };
}

describe('coverage cache', () => {
  test('concurrent readers share one computation, and fresh figures answer without another', async () => {
    const { cache, calls, report, tick } = setup();
    const a = cache.get(unit);
    const b = cache.get(unit);
    await flush();
    expect(calls).toHaveLength(1);
    calls[0].resolve(report(1));
    expect((await a).unit.name).toBe('run 1');
    expect((await b).unit.name).toBe('run 1');
    tick(COVERAGE_FRESH_MS - 1);
    expect((await cache.get(unit)).unit.name).toBe('run 1');
    expect(calls).toHaveLength(1);
  });

  test('older figures answer at once while one refresh runs; too old, the reader waits', async () => {
    const { cache, calls, report, tick } = setup();
    const first = cache.get(unit);
    await flush();
    calls[0].resolve(report(1));
    await first;
    tick(COVERAGE_FRESH_MS);
    expect((await cache.get(unit)).unit.name).toBe('run 1');
    expect((await cache.get(unit)).unit.name).toBe('run 1');
    expect(calls).toHaveLength(2);
    calls[1].resolve(report(2));
    await flush();
    expect((await cache.get(unit)).unit.name).toBe('run 2');
    tick(COVERAGE_STALE_MS);
    const waiting = cache.get(unit);
    await flush();
    expect(calls).toHaveLength(3);
    calls[2].resolve(report(3));
    expect((await waiting).unit.name).toBe('run 3');
  });

  test('each asOf date has its own figures', async () => {
    const { cache, calls, report } = setup();
    const today = cache.get(unit);
    const past = cache.get(unit, '2026-01-01');
    await flush();
    expect(calls.map((c) => c.asOf)).toEqual([undefined, '2026-01-01']);
    calls[0].resolve(report(1));
    calls[1].resolve(report(2));
    expect((await today).unit.name).toBe('run 1');
    expect((await past).unit.name).toBe('run 2');
  });
});
