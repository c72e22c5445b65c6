import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../db/embedded.js';
import { connectOrm, migrate } from '../db/orm.js';
import { TEMPLATE_DATABASE } from './db.js';

/** One real PostgreSQL for the whole run; each test file clones a migrated template database. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gan-bo-test-'));
  const db = await startEmbeddedPostgres(path.join(dir, 'pg'));
  const admin = await connectOrm(db.url(), { entities: [], discovery: { warnWhenNoEntities: false } });
  await admin.em.getConnection().execute(`create database ${TEMPLATE_DATABASE}`);
  await admin.close();
  const orm = await connectOrm(db.url(TEMPLATE_DATABASE));
  await migrate(orm);
  await orm.close();
  project.provide('pgAdminUrl', db.url());
  return async () => {
    await db.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
