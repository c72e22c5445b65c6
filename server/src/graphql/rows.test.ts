import { afterAll, beforeAll, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind } from '@mikro-orm/core';
import { createTestDatabase } from '../test/db.js';
import { connectOrm, type Orm } from '../db/orm.js';
import { entities } from '../db/entities.js';
import { loadDemo } from '../demo/load.js';
import { RowMapper } from './rows.js';
import { Assignment } from '../modules/assignment/assignment.entity.js';
import { Household } from '../modules/household/household.entity.js';

let orm: Orm;

beforeAll(async () => {
  const url = await createTestDatabase();
  await loadDemo(url, { scale: 'demo', seed: 3, referenceDate: '2026-10-31' });
  orm = await connectOrm(url);
});
afterAll(() => orm?.close());

/** What a resolver can read of an object: each property's value, a relation by its id. */
function readable(em: EntityManager, entity: (typeof entities)[number], object: Record<string, any>) {
  const meta = em.getMetadata().get(entity.name);
  return Object.fromEntries(meta.props
    .filter((p) => p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner))
    .map((p) => {
      const value = object[p.name];
      return [p.name, p.kind === ReferenceKind.SCALAR ? value : value == null ? null : value.id];
    }));
}

test('rows map to the same values as MikroORM hydrates, for every entity', async () => {
  const em = orm.em.fork() as EntityManager;
  const mapper = new RowMapper(em);
  for (const entity of entities) {
    const table = em.getMetadata().get(entity.name).tableName;
    const rows = await em.execute<Record<string, unknown>[]>(`select * from ${table} order by 1 limit 200`);
    expect(rows.length, table).toBeGreaterThan(0);
    for (const row of rows) {
      const light = mapper.map(entity, { ...row });
      const hydrated = em.fork().map(entity, { ...row });
      expect(readable(em, entity, light), table).toEqual(readable(em, entity, hydrated));
      expect(light).toBeInstanceOf(entity);
    }
  }
});

test('getters of the entity work on mapped rows, and each row keeps its own access', async () => {
  const em = orm.em.fork() as EntityManager;
  const mapper = new RowMapper(em);
  const [row] = await em.execute<Record<string, unknown>[]>(`select * from assignment where ended_on is null limit 1`);
  const full = mapper.map(Assignment, { ...row, gb_access: 'full' });
  const analyst = mapper.map(Assignment, { ...row, gb_access: 'analyst' });
  expect(full.active).toBe(true);
  expect(mapper.accessOf(full)).toBe('full');
  expect(mapper.accessOf(analyst)).toBe('analyst');
  expect(Object.keys(full)).not.toContain('gb_access');
  const [h] = await em.execute<Record<string, unknown>[]>(`select * from household where priority_flags <> '{}' limit 1`);
  expect(mapper.map(Household, h).isPriority).toBe(true);
});
