import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config.js';
import { printAppSchema } from '../graphql/schema.js';

/** Writes schema/schema.graphql from the code; with --check, fails when the committed file is stale. */
const file = path.join(repoRoot, 'schema/schema.graphql');
const sdl = await printAppSchema();
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== sdl) {
    console.error('schema/schema.graphql is stale: run `npm run schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date.');
} else {
  await writeFile(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
