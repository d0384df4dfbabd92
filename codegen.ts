import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The typed client SDK: every operation the project's clients send (sdk/operations) typed
 * against the composed API schema (schema/api.graphql, written by `npm run compose`).
 */
const config = {
  schema: 'schema/api.graphql',
  documents: ['sdk/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'sdk/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTimeISO: 'string', Upload: 'File | Blob' },
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write'] },
} satisfies CodegenConfig;

export default config;
