import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { repoRoot } from '../config.js';
import { buildAppSchema, printAppSchema } from './schema.js';

test('schema/schema.graphql is what the code emits (run `npm run schema` after an API change)', async () => {
  const committed = await readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8');
  expect(committed).toBe(await printAppSchema());
});

test('every type, field, argument and enum value of the API has a description', async () => {
  const schema = await buildAppSchema();
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  expect(missing).toEqual([]);
});
