import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for every `graphql(...)` call, generated from the committed SDL. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**', '!src/**/*.test.ts'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        // Both travel as ISO 8601 strings; parse them where a date is needed.
        scalars: { ID: 'string', DateTimeISO: 'string', LocalDate: 'string' },
      },
    },
  },
};

export default config;
